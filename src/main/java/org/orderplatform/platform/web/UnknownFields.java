package org.orderplatform.platform.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the members of a JSON body that the target record does not have, nested records and lists included.
 * JSON-B would silently drop them; the API refuses them instead, so that {@code "is_superuser": true} or
 * {@code "total": 0} never looks accepted.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> in(JsonValue json, Type type) {
        List<String> unknown = new ArrayList<>();
        collect(json, type, "", unknown);
        return unknown;
    }

    static boolean isRecord(Type type) {
        return raw(type).isRecord();
    }

    private static void collect(JsonValue json, Type type, String path, List<String> unknown) {
        Class<?> raw = raw(type);
        if (raw.isRecord() && json instanceof JsonObject object) {
            Map<String, RecordComponent> components = java.util.Arrays.stream(raw.getRecordComponents())
                    .collect(Collectors.toMap(WireNames::of, Function.identity()));
            object.forEach((name, value) -> {
                RecordComponent component = components.get(name);
                String field = path.isEmpty() ? name : path + "." + name;
                if (component == null) {
                    unknown.add(field);
                } else {
                    collect(value, component.getGenericType(), field, unknown);
                }
            });
        } else if (Collection.class.isAssignableFrom(raw) && json instanceof JsonArray array
                && type instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), element, path + "[" + i + "]", unknown);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
