package org.oneseal.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.oneseal.OneSealApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One OneSeal node started by a test as the jar would start (profile {@code test}, demo data, HTTP on a random
 * port), with command-line arguments: several of them in one JVM make a cluster on one database.
 */
final class TestNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private TestNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static TestNode start(List<Class<?>> extraSources, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(args));
        List<Class<?>> sources = new ArrayList<>(List.of(OneSealApplication.class));
        sources.addAll(extraSources);
        return new TestNode(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("test")
                .initializers(c -> c.getBeanFactory().registerSingleton("testConfigurationExclusion",
                        new TestConfigurationExclusion()))
                .run(all.toArray(String[]::new)));
    }

    static TestNode start(String... args) {
        return start(List.of(), args);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Component scanning also sees the test classes: leave out the {@code @TestConfiguration}s of other tests, as
     * {@code @SpringBootTest} does.
     */
    static final class TestConfigurationExclusion extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationExclusion;
        }

        @Override
        public int hashCode() {
            return TestConfigurationExclusion.class.hashCode();
        }
    }
}
