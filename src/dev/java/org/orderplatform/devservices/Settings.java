package org.orderplatform.devservices;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the dev services should start, from the agent arguments and the configuration (environment variables
 * and system properties). A service is started only
 * when its host variable ({@code DB_HOST}, {@code REDIS_HOST}) is unset; its port comes from the agent argument
 * (the test server's reserved port), else from {@code DB_PORT}/{@code REDIS_PORT}, else the standard port.
 */
record Settings(Path dataDir, boolean ephemeral, OptionalInt postgresPort, OptionalInt redisPort,
                Database database) {

    /** Must match the defaults of the same variables in server.xml. */
    record Database(String name, String user, String password) {
    }

    static Settings parse(String arguments, Map<String, String> config) {
        if (arguments == null || arguments.isBlank()) {
            throw new IllegalArgumentException("dev services need a data directory as agent argument");
        }
        String[] parts = arguments.split(",");
        Path dataDir = Path.of(parts[0]);
        boolean ephemeral = false;
        Integer pgPort = null;
        Integer redisPort = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("ephemeral")) {
                ephemeral = true;
            } else if (part.startsWith("pg=")) {
                pgPort = Integer.parseInt(part.substring(3));
            } else if (part.startsWith("redis=")) {
                redisPort = Integer.parseInt(part.substring(6));
            } else {
                throw new IllegalArgumentException("unknown dev services argument: " + part);
            }
        }
        return new Settings(dataDir, ephemeral,
                port(config, "DB_HOST", "DB_PORT", pgPort, 5432),
                port(config, "REDIS_HOST", "REDIS_PORT", redisPort, 6379),
                new Database(config.getOrDefault("DB_NAME", "orderplatform"),
                        config.getOrDefault("DB_USER", "orderplatform"),
                        config.getOrDefault("DB_PASSWORD", "orderplatform")));
    }

    private static OptionalInt port(Map<String, String> config, String hostVariable, String portVariable,
                                    Integer argument, int standard) {
        if (config.get(hostVariable) != null) {
            return OptionalInt.empty();
        }
        if (argument != null) {
            return OptionalInt.of(argument);
        }
        String configured = config.get(portVariable);
        return OptionalInt.of(configured == null ? standard : Integer.parseInt(configured));
    }
}
