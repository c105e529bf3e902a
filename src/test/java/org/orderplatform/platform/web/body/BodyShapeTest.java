package org.orderplatform.platform.web.body;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.web.input.FreeText;
import org.orderplatform.platform.web.input.NumberText;
import org.orderplatform.platform.web.input.PlainText;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;

class BodyShapeTest {

    record Line(String sku, Integer quantity, BigDecimal price) {
    }

    record Order(List<Line> lines, @FreeText String notes, String reference, Long version) {
    }

    record Item(String unitName, @JsonbProperty("qty") Integer quantity, BigDecimal price, Boolean gift) {
    }

    private static List<FieldError> problems(String json) {
        return problems(json, Order.class);
    }

    private static List<FieldError> problems(String json, Class<?> type) {
        return BodyShape.problems(Json.createReader(new StringReader(json)).readValue(), type);
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

    @Test
    void shouldRefuseMembersTheRequestDoesNotHaveInsteadOfDroppingThem() {
        assertThat(problems("{\"is_superuser\":true,\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\",\"total\":1}]}"))
                .containsExactly(new FieldError("is_superuser", BodyShape.NOT_A_FIELD),
                        new FieldError("lines[1].total", BodyShape.NOT_A_FIELD));
    }

    @Test
    void shouldKnowMembersByTheirNamesOnTheWire() {
        assertThat(problems("{\"unit_name\":\"box\",\"qty\":2}", Item.class)).isEmpty();
        assertThat(problems("{\"unitName\":\"box\",\"quantity\":2}", Item.class))
                .containsExactly(new FieldError("unitName", BodyShape.NOT_A_FIELD),
                        new FieldError("quantity", BodyShape.NOT_A_FIELD));
    }

    @Test
    void shouldRefuseValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
        assertThat(problems("{\"lines\":{\"sku\":\"A\"},\"notes\":5,\"reference\":true,\"version\":\"5\"}"))
                .containsExactly(new FieldError("lines", "must be a list"),
                        new FieldError("notes", "must be a string"),
                        new FieldError("reference", "must be a string"),
                        new FieldError("version", "must be a whole number"));
        assertThat(problems("{\"lines\":[\"A\",{\"quantity\":1.5,\"price\":true}]}"))
                .containsExactly(new FieldError("lines[0]", "must be an object"),
                        new FieldError("lines[1].quantity", "must be a whole number"),
                        new FieldError("lines[1].price", "must be a decimal number"));
        assertThat(problems("{\"gift\":\"true\"}", Item.class))
                .containsExactly(new FieldError("gift", "must be true or false"));
    }

    @Test
    void shouldNameTheBodyWhenItIsNotAnObjectAtAll() {
        assertThat(problems("[{\"lines\":[]}]")).containsExactly(new FieldError("body", "must be an object"));
        assertThat(problems("\"order\"")).containsExactly(new FieldError("body", "must be an object"));
    }
}
