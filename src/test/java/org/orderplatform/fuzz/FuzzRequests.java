package org.orderplatform.fuzz;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.orderplatform.fuzz.ApiOperations.Operation;
import org.orderplatform.fuzz.ApiOperations.Parameter;

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

    Arbitrary<FuzzRequest> of(Operation operation) {
        Arbitrary<String> path = pathOf(operation);
        Arbitrary<String> query = queryOf(operation);
        Arbitrary<Map<String, String>> headers = headersOf(operation);
        Arbitrary<Tuple.Tuple2<String, byte[]>> body = bodyOf(operation);
        return Combinators.combine(path, query, headers, body).as((p, q, h, b) ->
                new FuzzRequest(operation, q.isEmpty() ? p : p + "?" + q, h, b == null ? null : b.get1(),
                        b == null ? null : b.get2()));
    }

    private Arbitrary<String> pathOf(Operation operation) {
        List<Arbitrary<String>> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                names.add(parameter.name());
                values.add(pathValue(operation, parameter));
            }
        }
        if (values.isEmpty()) {
            return Arbitraries.just(operation.path());
        }
        return Combinators.combine(values).as(filled -> {
            String path = operation.path();
            for (int i = 0; i < names.size(); i++) {
                path = path.replace("{" + names.get(i) + "}", filled.get(i));
            }
            return path;
        });
    }

    /** Real ids the fuzzer may change (its own order, a victim user), ids of nothing, and ids that are no ids. */
    private Arbitrary<String> pathValue(Operation operation, Parameter parameter) {
        Arbitrary<String> nasty = Arbitraries.oneOf(Nasty.text(false).map(Nasty::percentEncode),
                Nasty.numberText(300).map(Nasty::percentEncode), Arbitraries.of(Nasty.BROKEN_PERCENT_ENCODINGS));
        Arbitrary<String> plausible;
        if (parameter.name().equals("job_name")) {
            // Only names of no job: starting a real batch job would outlive this test and disturb others
            plausible = Arbitraries.of("order-reconciliation-x", "no-such-job", "ORDER-REPORT");
        } else if (operation.path().startsWith("/api/orders/")) {
            plausible = Arbitraries.of(fixture.orderId(), UUID.randomUUID().toString(), fixture.orderId().toUpperCase());
        } else if (operation.path().startsWith("/api/users/")) {
            // Never the superuser's or the fuzzing user's own id: a lucky PATCH would lock the tests out
            plausible = Arbitraries.of(Long.toString(fixture.victimUserId()), "999999999999", "000999999999");
        } else {
            plausible = Arbitraries.longs().between(1_000_000_000L, 999_999_999_999_999_999L).map(String::valueOf);
        }
        return Arbitraries.frequencyOf(Tuple.of(2, plausible), Tuple.of(3, nasty));
    }

    private Arbitrary<String> queryOf(Operation operation) {
        List<Arbitrary<Optional<String>>> pairs = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                String name = Nasty.percentEncode(parameter.name());
                Arbitrary<String> nasty = Arbitraries.oneOf(Nasty.text(false).map(Nasty::percentEncode),
                        Nasty.numberText(3_000).map(Nasty::percentEncode),
                        Arbitraries.of(Nasty.BROKEN_PERCENT_ENCODINGS));
                Arbitrary<String> plausible = plainValue(parameter.name(), parameter.schema()).map(Nasty::percentEncode);
                pairs.add(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.<String>empty())),
                        Tuple.of(3, plausible.map(value -> Optional.of(name + "=" + value))),
                        Tuple.of(3, nasty.map(value -> Optional.of(name + "=" + value)))));
            }
        }
        if (pairs.isEmpty()) {
            return Arbitraries.just("");
        }
        return Combinators.combine(pairs).as(list -> list.stream().flatMap(Optional::stream)
                .collect(Collectors.joining("&")));
    }

    private Arbitrary<Map<String, String>> headersOf(Operation operation) {
        Arbitrary<String> token = tokenFor(operation);
        List<Arbitrary<Optional<Map.Entry<String, String>>>> headers = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("cookie")) {
                Arbitrary<String> cookie = Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange('#', '+').withCharRange('-', ':').withCharRange('<', '[')
                                .withCharRange(']', '~').ofMinLength(1).ofMaxLength(60),
                        Arbitraries.of("9".repeat(3_000), "x".repeat(4_000), "%00", "%E2%80%AE"));
                headers.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())),
                        Tuple.of(2, cookie.map(v -> Optional.of(Map.entry("Cookie", parameter.name() + "=" + v))))));
            } else if (parameter.in().equals("header")) {
                // HTTP clients only send visible ASCII, space and tab in header values
                Arbitrary<String> value = parameter.name().equals("If-Match")
                        ? Arbitraries.of("\"1\"", "\"2\"", "*", "W/\"1\"", "\"99999999999999999999\"",
                        "\"" + "9".repeat(5_000) + "\"", "garbage", "\"-1\"", "\"1e3\"", "\"1\", \"2\"", "W/", "\"\"")
                        : Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40),
                        Arbitraries.of("k".repeat(256), "k".repeat(5_000), "with space", "tab\tinside", " "));
                headers.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())),
                        Tuple.of(2, value.map(v -> Optional.of(Map.entry(parameter.name(), v))))));
            }
        }
        Arbitrary<Optional<Map.Entry<String, String>>> odd = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.of("text/", "*/*;q=abc", "application/json;q=99999999999999999999",
                        "\u0041pplication/xml").map(v -> Optional.of(Map.entry("Accept", v)))),
                Tuple.of(1, Arbitraries.of("garbage", "../../etc", "x".repeat(200))
                        .map(v -> Optional.of(Map.entry("X-Request-ID", v)))),
                Tuple.of(1, Arbitraries.of("garbage", "999.1.1.1", ":::::", "1.1.1.1, " + "2.2.2.2, ".repeat(500) + "3.3.3.3",
                        "").map(v -> Optional.of(Map.entry("X-Forwarded-For", v)))),
                Tuple.of(1, Arbitraries.of("null", "https://allowed.example", "https://evil.example", "garbage",
                        "https://" + "a".repeat(3_000)).map(v -> Optional.of(Map.entry("Origin", v)))),
                Tuple.of(1, Arbitraries.of("application/json; charset=bogus", "application/json; charset=UTF-16",
                        "application/json; charset=ISO-8859-1", "application/", "text/plain", "application/json;;;")
                        .map(v -> Optional.of(Map.entry("Content-Type", v)))));
        headers.add(odd);
        return Combinators.combine(token, Combinators.combine(headers).as(list -> list)).as((bearer, list) -> {
            Map<String, String> all = new LinkedHashMap<>();
            if (bearer != null) {
                all.put("Authorization", "Bearer " + bearer);
            }
            // Logins and registrations from addresses of their own: the per-address throttle is not under test
            all.put("X-Forwarded-For", "198.18." + Math.floorMod(System.nanoTime(), 250) + "." + (1 + Math.floorMod(
                    bearer == null ? System.nanoTime() / 7 : bearer.hashCode() ^ System.nanoTime(), 250)));
            list.stream().flatMap(Optional::stream).forEach(header -> all.put(header.getKey(), header.getValue()));
            return all;
        });
    }

    /**
     * The superuser's token for administration, the fuzzing user's otherwise; none where none is required, and for
     * logout, which would end the fuzzing user's session. Now and then a forged one.
     */
    private Arbitrary<String> tokenFor(Operation operation) {
        if (!operation.secured() || operation.path().equals("/api/auth/logout")) {
            return Arbitraries.just((String) null);
        }
        boolean admin = operation.path().startsWith("/api/admin") || operation.path().equals("/api/users")
                || operation.path().equals("/api/users/{id}");
        String real = admin ? fixture.adminToken() : fixture.userToken();
        return Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.just(real)),
                Tuple.of(1, Arbitraries.of("x.y.z", real + "x", "")));
    }

    private Arbitrary<Tuple.Tuple2<String, byte[]>> bodyOf(Operation operation) {
        if (operation.bodies().isEmpty()) {
            return Arbitraries.just(null);
        }
        List<Arbitrary<Tuple.Tuple2<String, byte[]>>> bodies = new ArrayList<>();
        operation.bodies().forEach((type, schema) -> bodies.add(type.equals(FORM)
                ? form(schema).map(body -> Tuple.of(type, body))
                : json(schema).map(body -> Tuple.of(type, body))));
        return Arbitraries.oneOf(bodies);
    }

    private Arbitrary<byte[]> json(JsonObject schema) {
        Arbitrary<String> valid = jsonValue("body", schema, 0, false);
        Arbitrary<String> poisoned = jsonValue("body", schema, 0, true);
        return Arbitraries.frequencyOf(
                Tuple.of(2, valid.map(FuzzRequests::utf8)),
                Tuple.of(6, poisoned.map(FuzzRequests::utf8)),
                Tuple.of(2, valid.flatMap(Nasty::rawBody)));
    }

    private Arbitrary<byte[]> form(JsonObject schema) {
        List<Arbitrary<String>> fields = new ArrayList<>();
        properties(schema).forEach((name, property) -> fields.add(Arbitraries.oneOf(
                plainValue(name, property), Nasty.text(false)).map(value -> name + "=" + Nasty.percentEncode(value))));
        Arbitrary<byte[]> fieldByField = Combinators.combine(fields).as(list -> utf8(String.join("&", list)));
        Arbitrary<byte[]> broken = Arbitraries.of("username=%ZZ&password=x", "username=%FF%FE&password=%C3", "%",
                "=&&=", "username=a&username=b&password=c", "password=" + "x".repeat(Nasty.BODY_LIMIT - 100))
                .map(FuzzRequests::utf8);
        return Arbitraries.frequencyOf(Tuple.of(4, fieldByField), Tuple.of(1, broken));
    }

    /**
     * A JSON value for the schema. Poisoned, any value may instead be a nasty one, any object may get a member it
     * does not have; otherwise the value is plausible, though not necessarily valid.
     */
    private Arbitrary<String> jsonValue(String name, JsonObject schema, int depth, boolean poisoned) {
        Arbitrary<String> value = plausibleJson(name, schema, depth, poisoned);
        if (!poisoned) {
            return value;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, value), Tuple.of(1, Nasty.jsonValue()));
    }

    private Arbitrary<String> plausibleJson(String name, JsonObject schema, int depth, boolean poisoned) {
        JsonObject resolved = document.resolve(schema);
        String type = resolved == null ? "" : resolved.getString("type", "");
        if (type.equals("object") || resolved != null && resolved.containsKey("properties")) {
            if (depth > 4) {
                return Arbitraries.just("{}");
            }
            List<Arbitrary<Optional<String>>> members = new ArrayList<>();
            properties(resolved).forEach((member, property) -> members.add(Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                    Tuple.of(4, jsonValue(member, property, depth + 1, poisoned)
                            .map(v -> Optional.of(Nasty.quote(member) + ":" + v))))));
            if (poisoned) {
                members.add(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Optional.<String>empty())),
                        Tuple.of(1, Arbitraries.of("is_superuser", "id", "owner_id", "status", "\u0000", Nasty.LONE_HIGH)
                                .map(extra -> Optional.of(Nasty.quote(extra) + ":true")))));
            }
            if (members.isEmpty()) {
                return Arbitraries.just("{}");
            }
            return Combinators.combine(members).as(list -> list.stream().flatMap(Optional::stream)
                    .collect(Collectors.joining(",", "{", "}")));
        }
        if (type.equals("array")) {
            return jsonValue(name, resolved.getJsonObject("items"), depth + 1, poisoned).list().ofMaxSize(3)
                    .map(items -> String.join(",", items)).map(items -> "[" + items + "]");
        }
        return plainValue(name, resolved).map(value -> type.equals("integer") || type.equals("number")
                || type.equals("boolean") ? value : Nasty.quote(value));
    }

    /** A plausible value for a scalar by its schema and name (text as the client would type it). */
    private static Arbitrary<String> plainValue(String name, JsonObject schema) {
        String type = schema == null ? "string" : schema.getString("type", "string");
        if (schema != null && schema.containsKey("enum")) {
            JsonArray values = schema.getJsonArray("enum");
            return Arbitraries.of(values.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .toList());
        }
        return switch (type) {
            case "integer" -> Arbitraries.of("1", "2", "3", "20", "100", "0", "-1");
            case "number" -> Arbitraries.of("0", "1", "19.99", "0.10", "1234567890.12");
            case "boolean" -> Arbitraries.of("true", "false");
            default -> switch (name) {
                case "email", "username" -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .map(local -> "fuzz-" + local + "@example.org");
                case "password", "current_password" -> Arbitraries.of("Correct-Horse-42", "short", "Fuzz-Pass-1234");
                case "sku" -> Arbitraries.of("A-1", "B.2_x", "sku");
                case "currency" -> Arbitraries.of("USD", "EUR", "JPY", "usd", "XXX");
                case "unit_price", "revenue" -> Arbitraries.of("1.00", "19.99", "0", "12.345");
                case "status" -> Arbitraries.of("PENDING", "pending", "SHIPPED");
                case "sort" -> Arbitraries.of("created_at,desc", "total,asc", "price,desc");
                case "as_of" -> Arbitraries.of("2026-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "yesterday");
                case "from", "to" -> Arbitraries.of("2026-01-01", "2026-02-30", "0000-01-01", "9999-12-31");
                case "all" -> Arbitraries.of("true", "false", "maybe");
                case "owner_id" -> Arbitraries.of("1", "999999999999", "abc");
                default -> Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00c0', '\u017f')
                        .ofMaxLength(20);
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
