package org.oneseal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the calendar module exists in Chinese and English. */
class CalendarMessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(calendar\\.[A-Za-z0-9.]+)[}(]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"\\{?(calendar\\.[A-Za-z0-9.]+[A-Za-z0-9])}?\"");
    /** Audit actions and rule codes, not texts. */
    private static final Set<String> NOT_TEXTS = Set.of("calendar.year.create", "calendar.year.update", "calendar.day.create",
            "calendar.day.update", "calendar.day.delete", "calendar.year.missing");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("zh_CN").stringPropertyNames());
        assertThat(load("zh_CN").stringPropertyNames()).allMatch(key -> key.startsWith("calendar."));
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(keys(Path.of("src/main/resources/templates/calendar"), TEMPLATE_KEY));
        used.addAll(keys(Path.of("src/main/java/org/oneseal/calendar"), JAVA_KEY));
        used.removeAll(NOT_TEXTS);
        for (DayKind kind : DayKind.values()) {
            used.add("calendar.kind." + kind);
        }
        for (int i = 1; i <= 12; i++) {
            used.add("calendar.month." + i);
            used.add(i <= 7 ? "calendar.weekday." + i : "calendar.month." + i);
        }

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(load("zh_CN").stringPropertyNames()).containsAll(used);
    }

    private static Set<String> keys(Path dir, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String locale) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CalendarMessagesTests.class.getResourceAsStream("/messages/calendar_" + locale + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
