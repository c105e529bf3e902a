package org.orderplatform.platform.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.platform.web.input.NumberText;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;

class JsonBodyTest {

    private static JsonBody.Parsed parse(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBuildTheSameTreeAsAJsonReader() {
        String json = "{\"items\":[{\"sku\":\"A\",\"quantity\":3,\"unit_price\":\"1.50\",\"x\":[[],{}],"
                + "\"flag\":true,\"none\":null,\"off\":false}],\"notes\":\"Zoë 😀\",\"version\":-1.5e3}";

        JsonBody.Parsed parsed = parse(json);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.value()).isEqualTo(Json.createReader(new java.io.StringReader(json)).readValue());
    }

    @Test
    void shouldNameNumbersOutOfBoundsByTheirFieldAndNotParseThem() {
        long start = System.nanoTime();

        JsonBody.Parsed parsed = parse("{\"items\":[{\"unit_price\":1},{\"unit_price\":" + "9".repeat(60_000)
                + "}],\"version\":1e999999999}");

        assertThat(parsed.problems()).containsExactly(new FieldError("items[1].unit_price", NumberText.MESSAGE),
                new FieldError("version", NumberText.MESSAGE));
        assertThat(parsed.value().asJsonObject().get("version")).isEqualTo(JsonValue.NULL);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseMembersGivenTwice() {
        assertThat(parse("{\"a\":{\"b\":1,\"b\":2}}").problems()).containsExactly(new FieldError("a.b",
                "is given more than once"));
    }

    @Test
    void shouldRefuseDeepNestingWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertMalformed(deep, "nests deeper");
        assertThat(parse("[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH)).problems()).isEmpty();
        assertMalformed("[".repeat(JsonBody.MAX_DEPTH + 1) + "]".repeat(JsonBody.MAX_DEPTH + 1), "nests deeper");
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8() {
        for (byte[] body : new byte[][] {{'"', (byte) 0xFF, '"'}, {'"', (byte) 0xC3, '"'},
                {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}}) {
            assertThatThrownBy(() -> JsonBody.parse(body)).isInstanceOfSatisfying(UnreadableBodyException.class,
                    e -> assertThat(e.getMessage()).contains("UTF-8"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":", "[1,]", "{} {}"})
    void shouldRefuseWhatIsNotOneJsonValue(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(JsonParsingException.class);
    }

    private static void assertMalformed(String body, String detail) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(UnreadableBodyException.class, e -> {
            assertThat(e.type()).isEqualTo(PlatformProblem.MALFORMED_BODY);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
