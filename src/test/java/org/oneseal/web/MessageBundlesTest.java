package org.oneseal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in zh-CN and in English: a key missing in either language fails the build. */
class MessageBundlesTest {

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        Resource[] chinese = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_zh_CN.properties");
        assertThat(chinese).isNotEmpty();
        for (Resource zh : chinese) {
            String base = zh.getFilename().replace("_zh_CN.properties", "");
            Resource en = zh.createRelative(base + "_en.properties");
            assertThat(en.exists()).as("English bundle of %s", base).isTrue();
            Set<String> zhKeys = keys(zh);
            Set<String> enKeys = keys(en);
            assertThat(difference(zhKeys, enKeys)).as("keys of %s missing in English", base).isEmpty();
            assertThat(difference(enKeys, zhKeys)).as("keys of %s missing in zh_CN", base).isEmpty();
            assertThat(zh.createRelative(base + ".properties").exists()).as("base bundle of %s", base).isTrue();
        }
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Resource zh : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_zh_CN.properties")) {
            known.addAll(keys(zh));
        }
        Set<String> missing = new TreeSet<>();
        var pattern = java.util.regex.Pattern.compile("#\\{([a-zA-Z0-9_.]+[a-zA-Z0-9_])[}(]");
        for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            pattern.matcher(html).results().map(m -> m.group(1)).filter(k -> !known.contains(k))
                    .forEach(k -> missing.add(page.getFilename() + ": " + k));
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Resource resource) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
