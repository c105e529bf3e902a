package org.orderplatform.platform.web.json;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.regex.Pattern;

/** How Java names appear on the wire: snake_case (the JSON-B naming strategy of the API), or as annotated. */
public final class WireNames {

    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");

    private WireNames() {
    }

    public static String of(String javaName) {
        return WORD_START.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    public static String of(RecordComponent component) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : of(component.getName());
    }
}
