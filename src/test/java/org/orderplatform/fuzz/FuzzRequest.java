package org.orderplatform.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request. Printed in full (long values abbreviated) when a property fails, so that it can be
 * replayed by hand as well as by its seed.
 */
record FuzzRequest(ApiOperations.Operation operation, String target, Map<String, String> headers, String contentType,
                   byte[] body) {

    @Override
    public String toString() {
        String text = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("Authorization", (name, value) -> value.length() > 40
                ? value.substring(0, 40) + "..." : value);
        return operation + " as " + abbreviate(target) + " headers=" + abbreviate(shown.toString())
                + (contentType == null ? "" : " " + contentType) + " body[" + (body == null ? 0 : body.length) + "]="
                + abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
