package org.oneseal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With SPRING_DATASOURCE_URL/USERNAME/PASSWORD-style settings OneSeal runs on an external PostgreSQL and
 * starts no embedded server. CI (.ci/run) starts Debian's PostgreSQL and sets ONESEAL_SMOKE_DATASOURCE_*.
 */
@EnabledIfEnvironmentVariable(named = "ONESEAL_SMOKE_DATASOURCE_URL", matches = "jdbc:postgresql:.+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"oneseal.demo.enabled=true", "oneseal.quiet-startup=true",
            "spring.datasource.url=${ONESEAL_SMOKE_DATASOURCE_URL}",
            "spring.datasource.username=${ONESEAL_SMOKE_DATASOURCE_USERNAME}",
            "spring.datasource.password=${ONESEAL_SMOKE_DATASOURCE_PASSWORD}"})
class ExternalPostgresSmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    @Test
    void runsOnTheExternalServerWithoutStartingTheEmbeddedOne() throws Exception {
        assertThat(env.getProperty("oneseal.embedded-postgres.running")).isNull();
        String url = System.getenv("ONESEAL_SMOKE_DATASOURCE_URL");
        int expectedPort = URI.create(url.substring("jdbc:".length())).getPort();
        assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(expectedPort);
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("oneseal_smoke");
        assertThat(jdbc.sql("select count(*) from oneseal.flyway_schema_history where success").query(Long.class).single())
                .isGreaterThan(1);
        assertThat(jdbc.sql("select count(*) from oneseal.region").query(Long.class).single()).isGreaterThan(0);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"UP\"");
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("一枚印章");
    }
}
