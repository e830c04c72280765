package org.oneseal.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This node's name among the nodes on one database: {@code oneseal.node.id}, else the host name and the HTTP
 * port ({@code host:8080}), else (random port) the host name and the process id. It is what the job run table
 * and the ShedLock table show, and {@code /actuator/info} reports it.
 */
@Component
class NodeIdentity {

    static final int MAX_LENGTH = 100;

    private final String id;

    NodeIdentity(Environment env) {
        String configured = env.getProperty("oneseal.node.id");
        String chosen = StringUtils.hasText(configured) ? configured.strip() : defaultId(env);
        this.id = chosen.length() <= MAX_LENGTH ? chosen : chosen.substring(0, MAX_LENGTH);
    }

    String id() {
        return id;
    }

    private static String defaultId(Environment env) {
        Integer port = env.getProperty("server.port", Integer.class, 8080);
        return hostName() + (port != null && port > 0 ? ":" + port : ":pid" + ProcessHandle.current().pid());
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (StringUtils.hasText(env)) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
