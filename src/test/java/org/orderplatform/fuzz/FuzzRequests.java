package org.orderplatform.fuzz;

import static org.orderplatform.testsupport.Gen.weight;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.orderplatform.fuzz.ApiOperations.Operation;
import org.orderplatform.fuzz.ApiOperations.Parameter;
import org.orderplatform.testsupport.Gen;

/**
 * Requests for an operation of the OpenAPI document: its parameters and body built from their schemas, mostly
 * plausible and with nasty values ({@link Nasty}) mixed in at any place. Every kind of parameter and body the
 * document may contain needs a generator here; {@link #missingGenerators} names those that have none, so that a
 * new operation cannot slip past the fuzzer unnoticed.
 */
final class FuzzRequests {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Path parameters the fuzzer knows how to fill; a new one needs a line in {@link #pathValue}. */
    private static final List<String> PATH_PARAMETERS = List.of("id", "job_name");
    private static final List<String> HEADER_PARAMETERS = List.of("Idempotency-Key", "If-Match");

    /** Who the fuzzer is, and what it may touch: never the superuser itself, never a real batch job. */
    record Fixture(String userToken, String adminToken, long victimUserId, String orderId) {
    }

    private final ApiOperations.Document document;
    private final Fixture fixture;

    FuzzRequests(ApiOperations.Document document, Fixture fixture) {
        this.document = document;
        this.fixture = fixture;
    }

    /** What the document has that this class cannot generate; empty when the fuzzer covers the whole API. */
    static List<String> missingGenerators(List<Operation> operations) {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            for (Parameter parameter : operation.parameters()) {
                boolean known = switch (parameter.in()) {
                    case "query" -> true;
                    case "path" -> PATH_PARAMETERS.contains(parameter.name());
                    case "header" -> HEADER_PARAMETERS.contains(parameter.name());
                    case "cookie" -> true;
                    default -> false;
                };
                if (!known) {
                    missing.add(operation + ": " + parameter.in() + " parameter " + parameter.name());
                }
            }
            operation.bodies().keySet().stream().filter(type -> !type.equals(JSON) && !type.equals(FORM))
                    .forEach(type -> missing.add(operation + ": body of type " + type));
        }
        return missing;
    }

    Gen<FuzzRequest> of(Operation operation) {
        Gen<String> path = pathOf(operation);
        Gen<String> query = queryOf(operation);
        Gen<Map<String, String>> headers = headersOf(operation);
        Gen<Body> body = bodyOf(operation);
        return random -> {
            String p = path.next(random);
            String q = query.next(random);
            Map<String, String> h = headers.next(random);
            Body b = body.next(random);
            return new FuzzRequest(operation, q.isEmpty() ? p : p + "?" + q, h, b == null ? null : b.contentType(),
                    b == null ? null : b.bytes());
        };
    }

    /** A request body and its media type. */
    private record Body(String contentType, byte[] bytes) {
    }

    private Gen<String> pathOf(Operation operation) {
        List<Gen<String>> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                names.add(parameter.name());
                values.add(pathValue(operation, parameter));
            }
        }
        if (values.isEmpty()) {
            return Gen.just(operation.path());
        }
        return Gen.each(values).map(filled -> {
            String path = operation.path();
            for (int i = 0; i < names.size(); i++) {
                path = path.replace("{" + names.get(i) + "}", filled.get(i));
            }
            return path;
        });
    }

    /** Real ids the fuzzer may change (its own order, a victim user), ids of nothing, and ids that are no ids. */
    private Gen<String> pathValue(Operation operation, Parameter parameter) {
        Gen<String> nasty = Gen.oneOf(Nasty.text(false).map(Nasty::percentEncode),
                Nasty.numberText(300).map(Nasty::percentEncode), Gen.of(Nasty.BROKEN_PERCENT_ENCODINGS));
        Gen<String> plausible;
        if (parameter.name().equals("job_name")) {
            // Only names of no job: starting a real batch job would outlive this test and disturb others
            plausible = Gen.of("order-reconciliation-x", "no-such-job", "ORDER-REPORT");
        } else if (operation.path().startsWith("/api/orders/")) {
            Gen<String> noOrder = random -> new UUID(random.nextLong(), random.nextLong()).toString();
            plausible = Gen.oneOf(Gen.just(fixture.orderId()), noOrder, Gen.just(fixture.orderId().toUpperCase()));
        } else if (operation.path().startsWith("/api/users/")) {
            // Never the superuser's or the fuzzing user's own id: a lucky PATCH would lock the tests out
            plausible = Gen.of(Long.toString(fixture.victimUserId()), "999999999999", "000999999999");
        } else {
            plausible = Gen.longs(1_000_000_000L, 999_999_999_999_999_999L).map(String::valueOf);
        }
        return Gen.frequency(weight(2, plausible), weight(3, nasty));
    }

    private Gen<String> queryOf(Operation operation) {
        List<Gen<Optional<String>>> pairs = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                String name = Nasty.percentEncode(parameter.name());
                Gen<String> nasty = Gen.oneOf(Nasty.text(false).map(Nasty::percentEncode),
                        Nasty.numberText(3_000).map(Nasty::percentEncode), Gen.of(Nasty.BROKEN_PERCENT_ENCODINGS));
                Gen<String> plausible = plainValue(parameter.name(), parameter.schema()).map(Nasty::percentEncode);
                pairs.add(Gen.frequency(weight(3, Gen.just(Optional.<String>empty())),
                        weight(3, plausible.map(value -> Optional.of(name + "=" + value))),
                        weight(3, nasty.map(value -> Optional.of(name + "=" + value)))));
            }
        }
        if (pairs.isEmpty()) {
            return Gen.just("");
        }
        return Gen.each(pairs).map(list -> list.stream().flatMap(Optional::stream).collect(Collectors.joining("&")));
    }

    private Gen<Map<String, String>> headersOf(Operation operation) {
        Gen<String> token = tokenFor(operation);
        List<Gen<Optional<Map.Entry<String, String>>>> headers = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("cookie")) {
                Gen<Character> cookieOctets = Gen.oneOf(Gen.chars('#', '+'), Gen.chars('-', ':'), Gen.chars('<', '['),
                        Gen.chars(']', '~'));
                Gen<String> cookie = Gen.oneOf(Gen.strings(cookieOctets, 1, 60),
                        Gen.of("9".repeat(3_000), "x".repeat(4_000), "%00", "%E2%80%AE"));
                headers.add(Gen.frequency(weight(1, Gen.just(Optional.<Map.Entry<String, String>>empty())),
                        weight(2, cookie.map(v -> Optional.of(Map.entry("Cookie", parameter.name() + "=" + v))))));
            } else if (parameter.in().equals("header")) {
                // HTTP clients only send visible ASCII, space and tab in header values
                Gen<String> value = parameter.name().equals("If-Match")
                        ? Gen.of("\"1\"", "\"2\"", "*", "W/\"1\"", "\"99999999999999999999\"",
                        "\"" + "9".repeat(5_000) + "\"", "garbage", "\"-1\"", "\"1e3\"", "\"1\", \"2\"", "W/", "\"\"")
                        : Gen.oneOf(Gen.strings(Gen.chars('!', '~'), 1, 40),
                        Gen.of("k".repeat(256), "k".repeat(5_000), "with space", "tab\tinside", " "));
                headers.add(Gen.frequency(weight(1, Gen.just(Optional.<Map.Entry<String, String>>empty())),
                        weight(2, value.map(v -> Optional.of(Map.entry(parameter.name(), v))))));
            }
        }
        Gen<Optional<Map.Entry<String, String>>> odd = Gen.frequency(
                weight(8, Gen.just(Optional.empty())),
                weight(1, Gen.of("text/", "*/*;q=abc", "application/json;q=99999999999999999999",
                        "\u0041pplication/xml").map(v -> Optional.of(Map.entry("Accept", v)))),
                weight(1, Gen.of("garbage", "../../etc", "x".repeat(200))
                        .map(v -> Optional.of(Map.entry("X-Request-ID", v)))),
                weight(1, Gen.of("garbage", "999.1.1.1", ":::::", "1.1.1.1, " + "2.2.2.2, ".repeat(500) + "3.3.3.3",
                        "").map(v -> Optional.of(Map.entry("X-Forwarded-For", v)))),
                weight(1, Gen.of("null", "https://allowed.example", "https://evil.example", "garbage",
                        "https://" + "a".repeat(3_000)).map(v -> Optional.of(Map.entry("Origin", v)))),
                weight(1, Gen.of("application/json; charset=bogus", "application/json; charset=UTF-16",
                        "application/json; charset=ISO-8859-1", "application/", "text/plain", "application/json;;;")
                        .map(v -> Optional.of(Map.entry("Content-Type", v)))));
        headers.add(odd);
        Gen<List<Optional<Map.Entry<String, String>>>> chosen = Gen.each(headers);
        return random -> {
            String bearer = token.next(random);
            List<Optional<Map.Entry<String, String>>> list = chosen.next(random);
            Map<String, String> all = new LinkedHashMap<>();
            if (bearer != null) {
                all.put("Authorization", "Bearer " + bearer);
            }
            // Logins and registrations from addresses of their own: the per-address throttle is not under test
            all.put("X-Forwarded-For", "198.18." + Math.floorMod(System.nanoTime(), 250) + "." + (1 + Math.floorMod(
                    bearer == null ? System.nanoTime() / 7 : bearer.hashCode() ^ System.nanoTime(), 250)));
            list.stream().flatMap(Optional::stream).forEach(header -> all.put(header.getKey(), header.getValue()));
            return all;
        };
    }

    /**
     * The superuser's token for administration, the fuzzing user's otherwise; none where none is required, and for
     * logout, which would end the fuzzing user's session. Now and then a forged one.
     */
    private Gen<String> tokenFor(Operation operation) {
        if (!operation.secured() || operation.path().equals("/api/auth/logout")) {
            return Gen.just(null);
        }
        boolean admin = operation.path().startsWith("/api/admin") || operation.path().equals("/api/users")
                || operation.path().startsWith("/api/users/{id}");
        String real = admin ? fixture.adminToken() : fixture.userToken();
        return Gen.frequency(weight(19, Gen.just(real)), weight(1, Gen.of("x.y.z", real + "x", "")));
    }

    private Gen<Body> bodyOf(Operation operation) {
        if (operation.bodies().isEmpty()) {
            return Gen.just(null);
        }
        List<Gen<Body>> bodies = new ArrayList<>();
        operation.bodies().forEach((type, schema) -> bodies.add((type.equals(FORM) ? form(schema) : json(schema))
                .map(bytes -> new Body(type, bytes))));
        return Gen.oneOf(bodies);
    }

    private Gen<byte[]> json(JsonObject schema) {
        Gen<String> valid = jsonValue("body", schema, 0, false);
        Gen<String> poisoned = jsonValue("body", schema, 0, true);
        return Gen.frequency(
                weight(2, valid.map(FuzzRequests::utf8)),
                weight(6, poisoned.map(FuzzRequests::utf8)),
                weight(2, valid.flatMap(Nasty::rawBody)));
    }

    private Gen<byte[]> form(JsonObject schema) {
        List<Gen<String>> fields = new ArrayList<>();
        properties(schema).forEach((name, property) -> fields.add(Gen.oneOf(
                plainValue(name, property), Nasty.text(false)).map(value -> name + "=" + Nasty.percentEncode(value))));
        Gen<byte[]> fieldByField = Gen.each(fields).map(list -> utf8(String.join("&", list)));
        Gen<byte[]> broken = Gen.of("username=%ZZ&password=x", "username=%FF%FE&password=%C3", "%",
                "=&&=", "username=a&username=b&password=c", "password=" + "x".repeat(Nasty.BODY_LIMIT - 100))
                .map(FuzzRequests::utf8);
        return Gen.frequency(weight(4, fieldByField), weight(1, broken));
    }

    /**
     * A JSON value for the schema. Poisoned, any value may instead be a nasty one, any object may get a member it
     * does not have; otherwise the value is plausible, though not necessarily valid.
     */
    private Gen<String> jsonValue(String name, JsonObject schema, int depth, boolean poisoned) {
        Gen<String> value = plausibleJson(name, schema, depth, poisoned);
        if (!poisoned) {
            return value;
        }
        return Gen.frequency(weight(4, value), weight(1, Nasty.jsonValue()));
    }

    private Gen<String> plausibleJson(String name, JsonObject schema, int depth, boolean poisoned) {
        JsonObject resolved = document.resolve(schema);
        String type = resolved == null ? "" : resolved.getString("type", "");
        if (type.equals("object") || resolved != null && resolved.containsKey("properties")) {
            if (depth > 4) {
                return Gen.just("{}");
            }
            List<Gen<Optional<String>>> members = new ArrayList<>();
            properties(resolved).forEach((member, property) -> members.add(Gen.frequency(
                    weight(1, Gen.just(Optional.<String>empty())),
                    weight(4, jsonValue(member, property, depth + 1, poisoned)
                            .map(v -> Optional.of(Nasty.quote(member) + ":" + v))))));
            if (poisoned) {
                members.add(Gen.frequency(weight(6, Gen.just(Optional.<String>empty())),
                        weight(1, Gen.of("is_superuser", "id", "owner_id", "status", "\u0000", Nasty.LONE_HIGH)
                                .map(extra -> Optional.of(Nasty.quote(extra) + ":true")))));
            }
            if (members.isEmpty()) {
                return Gen.just("{}");
            }
            return Gen.each(members).map(list -> list.stream().flatMap(Optional::stream)
                    .collect(Collectors.joining(",", "{", "}")));
        }
        if (type.equals("array")) {
            return jsonValue(name, resolved.getJsonObject("items"), depth + 1, poisoned).list(0, 3)
                    .map(items -> String.join(",", items)).map(items -> "[" + items + "]");
        }
        return plainValue(name, resolved).map(value -> type.equals("integer") || type.equals("number")
                || type.equals("boolean") ? value : Nasty.quote(value));
    }

    /** A plausible value for a scalar by its schema and name (text as the client would type it). */
    private static Gen<String> plainValue(String name, JsonObject schema) {
        String type = schema == null ? "string" : schema.getString("type", "string");
        if (schema != null && schema.containsKey("enum")) {
            JsonArray values = schema.getJsonArray("enum");
            return Gen.of(values.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .toList());
        }
        return switch (type) {
            case "integer" -> Gen.of("1", "2", "3", "20", "100", "0", "-1");
            case "number" -> Gen.of("0", "1", "19.99", "0.10", "1234567890.12");
            case "boolean" -> Gen.of("true", "false");
            default -> switch (name) {
                case "email", "username" -> Gen.strings(Gen.oneOf(Gen.chars('a', 'z'), Gen.chars('A', 'Z')), 1, 12)
                        .map(local -> "fuzz-" + local + "@example.org");
                case "password", "current_password" -> Gen.of("Correct-Horse-42", "short", "Fuzz-Pass-1234");
                case "sku" -> Gen.of("A-1", "B.2_x", "sku");
                case "currency" -> Gen.of("USD", "EUR", "JPY", "usd", "XXX");
                case "unit_price" -> Gen.of("1.00", "19.99", "0", "12.345");
                case "status" -> Gen.of("PENDING", "pending", "SHIPPED");
                case "sort" -> Gen.of("created_at,desc", "total,asc", "price,desc");
                case "as_of" -> Gen.of("2026-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "yesterday");
                case "from", "to" -> Gen.of("2026-01-01", "2026-02-30", "0000-01-01", "9999-12-31");
                case "all" -> Gen.of("true", "false", "maybe");
                case "owner_id" -> Gen.of("1", "999999999999", "abc");
                default -> Gen.strings(Gen.oneOf(Gen.chars(' ', '~'), Gen.chars('\u00c0', '\u017f')), 0, 20);
            };
        };
    }

    private Map<String, JsonObject> properties(JsonObject schema) {
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        if (schema != null && schema.containsKey("properties")) {
            schema.getJsonObject("properties").forEach((name, property) ->
                    properties.put(name, document.resolve(property.asJsonObject())));
        }
        return properties;
    }

    private static byte[] utf8(String text) {
        // Lone surrogates only ever travel as JSON escapes (see Nasty.quote); raw ones are not text at all
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
