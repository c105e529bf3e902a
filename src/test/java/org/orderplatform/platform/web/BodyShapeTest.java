package org.orderplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.web.ProblemDetails.FieldError;

class BodyShapeTest {

    record Line(String sku, Integer quantity, BigDecimal price) {
    }

    record Order(List<Line> lines, @FreeText String notes, String reference, Long version) {
    }

    private static List<FieldError> problems(String json) {
        return BodyShape.problems(Json.createReader(new StringReader(json)).readValue(), Order.class);
    }

    @Test
    void shouldAcceptAWellShapedBody() {
        assertThat(problems("{\"lines\":[{\"sku\":\"A\",\"quantity\":2147483647,\"price\":\"19.99\"}],"
                + "\"notes\":\"one\\ttwo\\r\\nthree\",\"reference\":\"Zoë 😀\",\"version\":-9223372036854775808}"))
                .isEmpty();
    }

    @Test
    void shouldRefuseWholeNumbersBeyondTheirTypeInsteadOfLettingThemWrapAround() {
        assertThat(problems("{\"lines\":[{\"quantity\":4294967297}],\"version\":9223372036854775808}"))
                .extracting(FieldError::field).containsExactly("lines[0].quantity", "version");
    }

    @Test
    void shouldAllowLineBreaksOnlyInFreeText() {
        assertThat(problems("{\"notes\":\"a\\nb\",\"reference\":\"a\\nb\",\"lines\":[{\"sku\":\"a\\tb\"}]}"))
                .containsExactly(new FieldError("reference", PlainText.CONTROL),
                        new FieldError("lines[0].sku", PlainText.CONTROL));
    }

    @Test
    void shouldCheckEveryStringForControlsBidiAndLoneSurrogates() {
        assertThat(problems("{\"notes\":\"\\u0085\",\"reference\":\"\\u202e\",\"lines\":[{\"sku\":\"\\ud800\"}]}"))
                .containsExactly(new FieldError("notes", PlainText.CONTROL),
                        new FieldError("reference", PlainText.BIDI),
                        new FieldError("lines[0].sku", PlainText.SURROGATE));
    }

    @Test
    void shouldBoundDecimalStringsBeforeParsingThem() {
        assertThat(problems("{\"lines\":[{\"price\":\"" + "9".repeat(100_000) + "\"},{\"price\":\"1e999999999\"},"
                + "{\"price\":\"cheap\"}]}"))
                .containsExactly(new FieldError("lines[0].price", NumberText.MESSAGE),
                        new FieldError("lines[1].price", NumberText.MESSAGE),
                        new FieldError("lines[2].price", "must be a decimal number"));
    }

    @Test
    void shouldLeaveNullsToBeanValidation() {
        assertThat(BodyShape.problems(JsonValue.NULL, Order.class)).isEmpty();
        assertThat(problems("{\"lines\":null,\"notes\":null}")).isEmpty();
    }
}
