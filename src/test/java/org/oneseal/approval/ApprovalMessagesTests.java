package org.oneseal.approval;

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

/** Every text of the approval module exists in Chinese and English. */
class ApprovalMessagesTests {

    private static final Pattern JAVA_KEY = Pattern.compile("\"(approval\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("zh_CN").stringPropertyNames());
        assertThat(load("zh_CN").stringPropertyNames()).allMatch(key -> key.startsWith("approval."));
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/oneseal/approval"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }

        assertThat(used).contains("approval.outcome.invalid", "approval.step.notActive");
        assertThat(load("zh_CN").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String locale) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ApprovalMessagesTests.class.getResourceAsStream("/messages/approval_" + locale + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
