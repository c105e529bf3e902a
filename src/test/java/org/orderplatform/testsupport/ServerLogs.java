package org.orderplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the test server has logged so far: messages.log (one JSON record a line) and the HTTP access log. */
public final class ServerLogs {

    private static final Path LOGS = Path.of(System.getProperty("it.wlp.home"), "usr", "servers",
            System.getProperty("it.server.name"), "logs");

    private ServerLogs() {
    }

    /** The JSON records of messages.log: messages, trace and, as {@code liberty_accesslog}, access log entries. */
    public static List<JsonObject> jsonRecords() {
        // The launch line Liberty writes before it has read its logging configuration is plain text.
        return lines("messages.log").stream()
                .filter(line -> line.startsWith("{"))
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .toList();
    }

    /** The lines of the HTTP access log (server.xml's httpAccessLogging logFormat). */
    public static List<String> accessLog() {
        return lines("http_access.log");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(LOGS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
