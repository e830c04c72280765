package org.oneseal.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started OneSeal where to open it. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        int port = web.getWebServer().getPort();
        String db = env.getProperty("oneseal.embedded-postgres.running", Boolean.class, false)
                ? "embedded PostgreSQL (" + env.getProperty("oneseal.embedded-postgres.data-dir", "./data/postgres") + ")"
                : "external PostgreSQL";
        String line = "OneSeal 一枚印章 is running: open http://localhost:" + port + "/  (database: " + db + ")";
        log.info(line);
        if (!env.getProperty("oneseal.quiet-startup", Boolean.class, false)) {
            System.out.println();
            System.out.println("  " + line);
            System.out.println();
        }
    }
}
