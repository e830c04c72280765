package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the audit module exists in zh-CN and English, under the audit. prefix. */
class AuditMessagesTests {

    static Properties bundle(String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditMessagesTests.class.getResourceAsStream("/messages/audit_" + locale + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAllPrefixedWithAudit() throws IOException {
        Set<String> zh = new TreeSet<>(bundle("zh_CN").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("en").stringPropertyNames());
        assertThat(en).isEqualTo(zh);
        assertThat(zh).allMatch(k -> k.startsWith("audit."));
    }

    @Test
    void everyKeyUsedByTheTemplatesAndTheVerifierExists() throws IOException {
        Set<String> keys = bundle("zh_CN").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{(audit\\.[A-Za-z0-9_.]+)");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/audit"))) {
            for (Path t : templates.toList()) {
                Matcher m = literal.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Arrays.stream(ChainProblem.values()).forEach(p -> used.add(ChainBreak.of(1, p).messageKey()));
        used.addAll(Set.of("audit.chain.problem.missing.one", "audit.chain.problem.inserted.one",
                "audit.chain.source.table", "audit.chain.source.file", "audit.cli.intact", "audit.cli.broken"));
        Arrays.stream(AuditOutcome.values()).forEach(o -> used.add("audit.outcome." + o.name()));
        for (String field : new String[] {"actor", "action", "outcome", "objectType", "objectId", "from", "to", "before"}) {
            used.add("audit.filter." + field);
        }
        for (String error : new String[] {"toolong", "outcome", "date", "range", "before"}) {
            used.add("audit.filter.error." + error);
        }
        assertThat(keys).containsAll(used);
    }

    @Test
    void englishTextsHaveNoApostrophesThatMessageFormatWouldSwallow() throws IOException {
        assertThat(bundle("en").values()).noneMatch(v -> v.toString().contains("'"));
    }
}
