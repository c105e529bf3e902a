package org.orderplatform.platform.web.body;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orderplatform.platform.web.input.NumberText;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;

/**
 * Turns a request body into a JSON tree without trusting it. The body must be UTF-8 (RFC 8259), byte for byte -
 * a lenient decoder would slip replacement characters past every check. The tree is built here, iteratively, from
 * the parser's events: a recursive reader overflows its stack on a body of 100,000 nested arrays, and would turn
 * every number into a BigDecimal before anyone looked at its length ({@link NumberText}). A number out of bounds,
 * or a member given twice (which one would JSON-B take?), is a field error; the rest of the body is still checked.
 */
public final class JsonBody {

    public static final int MAX_DEPTH = 32;

    /**
     * Looked up once: each of {@code Json}'s static factories looks the provider up again, and inside Liberty that
     * first tries an OSGi class the application cannot see: a failed class load and an exception for every value of
     * every body, 3% of the server's CPU samples while orders were placed (bench/README.md).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBody() {
    }

    /** The tree, with out-of-bounds numbers as {@code null}, and the field errors found on the way. */
    record Parsed(JsonValue value, List<FieldError> problems) {
    }

    /** @throws UnreadableBodyException (400) for a body that is not UTF-8, not one JSON value, or too deep */
    static Parsed parse(byte[] body) {
        List<FieldError> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(new StringReader(decode(body)))) {
            Deque<Container> open = new ArrayDeque<>();
            JsonValue root = null;
            String key = null;
            do {
                JsonParser.Event event = parser.next();
                JsonValue value = null;
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() == MAX_DEPTH) {
                            throw malformed("The request body nests deeper than " + MAX_DEPTH + " levels");
                        }
                        open.push(new Container(pathOf(open, key), event == JsonParser.Event.START_OBJECT, key));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Container done = open.pop();
                        key = done.key;
                        value = done.build();
                    }
                    case VALUE_STRING -> value = JSON.createValue(parser.getString());
                    case VALUE_NUMBER -> value = number(parser.getString(), pathOf(open, key), problems);
                    case VALUE_TRUE -> value = JsonValue.TRUE;
                    case VALUE_FALSE -> value = JsonValue.FALSE;
                    case VALUE_NULL -> value = JsonValue.NULL;
                }
                if (value != null) {
                    if (open.isEmpty()) {
                        root = value;
                    } else {
                        open.peek().add(key, value, problems);
                    }
                }
            } while (!open.isEmpty());
            if (parser.hasNext()) {
                throw new JsonParsingException("Unexpected content after the JSON value", parser.getLocation());
            }
            return new Parsed(root, problems);
        }
    }

    /** The path of the value about to be read (computed only where a path is needed). */
    private static String pathOf(Deque<Container> open, String key) {
        return open.isEmpty() ? "" : open.peek().childPath(key);
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not valid UTF-8");
        }
    }

    private static JsonValue number(String text, String path, List<FieldError> problems) {
        Optional<String> problem = NumberText.problem(text);
        if (problem.isPresent()) {
            problems.add(new FieldError(BodyShape.fieldName(path), problem.get()));
            return JsonValue.NULL;
        }
        return JSON.createValue(new BigDecimal(text));
    }

    private static UnreadableBodyException malformed(String detail) {
        return new UnreadableBodyException(PlatformProblem.MALFORMED_BODY, detail, null);
    }

    /** An object or array being read; {@code key} is the member it belongs to in its parent. */
    private static final class Container {
        private final String path;
        private final String key;
        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> members = new HashSet<>();
        private int size;

        Container(String path, boolean isObject, String key) {
            this.path = path;
            this.key = key;
            this.object = isObject ? JSON.createObjectBuilder() : null;
            this.array = isObject ? null : JSON.createArrayBuilder();
        }

        /** The name BodyShape gives a member or element of this container. */
        String childPath(String member) {
            return object == null ? BodyShape.elementPath(path, size) : BodyShape.memberPath(path, member);
        }

        void add(String member, JsonValue value, List<FieldError> problems) {
            if (object == null) {
                array.add(value);
            } else if (!members.add(member)) {
                problems.add(new FieldError(childPath(member), "is given more than once"));
            } else {
                object.add(member, value);
            }
            size++;
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
