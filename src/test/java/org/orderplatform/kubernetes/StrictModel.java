package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the API server's strict field validation would refuse, found offline: a document read into the typed model
 * must leave nothing over (an unknown or misspelt field lands in a model class's "additional properties") and must
 * read back to itself (a value of the wrong type - "8080" for a port, "true" for a boolean - is converted silently
 * by the model, so the round trip shows it); every quantity must parse.
 */
final class StrictModel {

    private StrictModel() {
    }

    /** The problems of one rendered object, each as "path: what"; empty when the API server would accept it. */
    static List<String> problems(Map<String, Object> document, HasMetadata typed) {
        List<String> problems = new ArrayList<>();
        unknownFields("", typed, problems);
        Object readBack = Rendering.SERIALIZATION.convertValue(typed, Map.class);
        difference("", document, readBack, problems);
        return problems;
    }

    /**
     * The problems of one part of an object read as a type of the model - a Probe or a Volume inside a custom
     * resource ({@link CustomResourceShapes}); empty when the API server would accept it there.
     */
    static List<String> problems(Object written, Class<?> type) {
        List<String> problems = new ArrayList<>();
        Object typed;
        try {
            typed = Rendering.SERIALIZATION.convertValue(written, type);
        } catch (RuntimeException e) {
            problems.add(": not a " + type.getSimpleName() + " (" + e.getMessage() + ")");
            return problems;
        }
        unknownFields("", typed, problems);
        difference("", written, Rendering.SERIALIZATION.convertValue(typed, Object.class), problems);
        return problems;
    }

    private static void unknownFields(String path, Object value, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> unknownFields(path + "." + key, entry, problems));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                unknownFields(path + "[" + i++ + "]", element, problems);
            }
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(path + ": not a quantity: " + quantity);
            }
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : GETTERS.get(value.getClass())) {
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (!(value instanceof GenericKubernetesResource) && property instanceof Map<?, ?> extra
                        && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + new TreeSet<>(((Map<?, ?>) extra).keySet().stream()
                            .map(String::valueOf).toList()) + " of " + value.getClass().getSimpleName());
                }
                continue;
            }
            unknownFields(path + "." + property(getter), property, problems);
        }
    }

    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getMethods())
                    .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                            && method.getDeclaringClass() != Object.class && method.getName().startsWith("get"))
                    .toList();
        }
    };

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void difference(String path, Object written, Object readBack, List<String> problems) {
        if (written instanceof Number a && readBack instanceof Number b
                && new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0) {
            return;
        }
        if (Objects.equals(written, readBack)) {
            return;
        }
        if (written == null && (path.endsWith(".apiVersion") || path.endsWith(".kind"))) {
            return; // an embedded object's type, which the model names itself (a StatefulSet's volume claims)
        }
        if (written instanceof Map<?, ?> a && readBack instanceof Map<?, ?> b) {
            TreeSet<String> keys = new TreeSet<>();
            a.keySet().forEach(key -> keys.add(String.valueOf(key)));
            b.keySet().forEach(key -> keys.add(String.valueOf(key)));
            keys.forEach(key -> difference(path + "." + key, a.get(key), b.get(key), problems));
            return;
        }
        if (written instanceof List<?> a && readBack instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                difference(path + "[" + i + "]", a.get(i), b.get(i), problems);
            }
            return;
        }
        problems.add(path + ": written " + describe(written) + ", the API type reads " + describe(readBack));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
