package org.orderplatform.platform.web.body;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.orderplatform.platform.web.input.FreeText;
import org.orderplatform.platform.web.input.NumberText;
import org.orderplatform.platform.web.input.PlainText;
import org.orderplatform.platform.web.json.WireNames;
import org.orderplatform.platform.web.problem.ConstraintViolationExceptionMapper;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;

/**
 * Checks a JSON body against the record it is read into, nested records and lists included: members the record
 * does not have, and values of the wrong JSON type. JSON-B would silently drop the former (so that
 * {@code "is_superuser": true} would look accepted) and quietly convert some of the latter ({@code "5"} into 5);
 * the API refuses both, field by field. Every string must be {@link PlainText} (free text where the field is
 * {@link FreeText}), and a decimal sent as a string is bounded by {@link NumberText} before it is parsed.
 */
final class BodyShape {

    static final String NOT_A_FIELD = "is not a field of this request";
    private static final String NOT_A_DECIMAL = "must be a decimal number";

    /**
     * A record's members by their names on the wire, computed once per record: reflecting on the record (its generic
     * types, its annotations) for every body was 3% of the server's CPU samples while orders were placed.
     */
    private static final ClassValue<Map<String, Member>> MEMBERS = new ClassValue<>() {
        @Override
        protected Map<String, Member> computeValue(Class<?> record) {
            return Arrays.stream(record.getRecordComponents()).collect(Collectors.toUnmodifiableMap(
                    WireNames::of, component -> new Member(component.getGenericType(),
                            component.isAnnotationPresent(FreeText.class))));
        }
    };

    /** What the check needs of a record component: its type, and whether it holds free text. */
    private record Member(Type type, boolean freeText) {
    }

    private BodyShape() {
    }

    static List<FieldError> problems(JsonValue json, Type type) {
        List<FieldError> problems = new ArrayList<>();
        check(json, type, false, "", problems);
        return problems;
    }

    static boolean isRecord(Type type) {
        return raw(type).isRecord();
    }

    private static void check(JsonValue json, Type type, boolean freeText, String path, List<FieldError> problems) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return; // required or not is Bean Validation's call
        }
        Class<?> raw = raw(type);
        String name = fieldName(path);
        if (raw.isRecord()) {
            if (!(json instanceof JsonObject object)) {
                problems.add(new FieldError(name, "must be an object"));
                return;
            }
            Map<String, Member> members = MEMBERS.get(raw);
            object.forEach((wireName, value) -> {
                Member member = members.get(wireName);
                String field = memberPath(path, wireName);
                if (member == null) {
                    problems.add(new FieldError(field, NOT_A_FIELD));
                } else {
                    check(value, member.type(), member.freeText(), field, problems);
                }
            });
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!(json instanceof JsonArray array)) {
                problems.add(new FieldError(name, "must be a list"));
                return;
            }
            Type element = type instanceof ParameterizedType generic
                    ? generic.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, false, elementPath(path, i), problems);
            }
        } else if (raw == String.class) {
            if (json instanceof JsonString text) {
                PlainText.problem(text.getString(), freeText).ifPresent(problem ->
                        problems.add(new FieldError(name, problem)));
            } else {
                problems.add(new FieldError(name, "must be a string"));
            }
        } else if (isWholeNumber(raw)) {
            if (!(json instanceof JsonNumber number && number.isIntegral())) {
                problems.add(new FieldError(name, "must be a whole number"));
            } else if (number.bigIntegerValue().bitLength() >= bits(raw)) {
                // JSON-B would wrap it around silently: 4294967297 would be read as the int 1
                problems.add(new FieldError(name, "must be a whole number from " + min(raw) + " to " + max(raw)));
            }
        } else if (raw == BigDecimal.class) {
            decimalProblem(json).ifPresent(problem -> problems.add(new FieldError(name, problem)));
        } else if ((raw == Boolean.class || raw == boolean.class) && json.getValueType() != JsonValue.ValueType.TRUE
                && json.getValueType() != JsonValue.ValueType.FALSE) {
            problems.add(new FieldError(name, "must be true or false"));
        }
    }

    private static boolean isWholeNumber(Class<?> type) {
        return isInt(type) || type == Long.class || type == long.class;
    }

    private static boolean isInt(Class<?> type) {
        return type == Integer.class || type == int.class;
    }

    /** Bits of the two's complement type, sign included: BigInteger.bitLength leaves the sign out. */
    private static int bits(Class<?> type) {
        return isInt(type) ? Integer.SIZE : Long.SIZE;
    }

    private static long min(Class<?> type) {
        return isInt(type) ? Integer.MIN_VALUE : Long.MIN_VALUE;
    }

    private static long max(Class<?> type) {
        return isInt(type) ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    /** A JSON number (bounded by {@link JsonBody}), or a string holding one ("19.99"): money may come either way. */
    private static Optional<String> decimalProblem(JsonValue json) {
        if (json instanceof JsonNumber) {
            return Optional.empty();
        }
        if (json instanceof JsonString text) {
            Optional<String> tooLong = NumberText.problem(text.getString());
            if (tooLong.isPresent()) {
                return tooLong;
            }
            try {
                new BigDecimal(text.getString());
                return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of(NOT_A_DECIMAL);
            }
        }
        return Optional.of(NOT_A_DECIMAL);
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

    /** How field errors name a member of the value at {@code path} ("" is the body itself): {@code items[0].sku}. */
    static String memberPath(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    static String elementPath(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The field an error at {@code path} names: the path, or "body" for the body as a whole. */
    static String fieldName(String path) {
        return path.isEmpty() ? ConstraintViolationExceptionMapper.BODY : path;
    }

}
