package org.orderplatform.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.testsupport.Gen;
import org.orderplatform.testsupport.Property;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0080", "\u0085", "\u009f"})
    void shouldRefuseControlCharacters(String control) {
        assertThat(PlainText.problem("a" + control + "b")).contains(PlainText.CONTROL);
        assertThat(PlainText.problem("a" + control + "b", true)).contains(PlainText.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200e", "\u200f", "\u061c"})
    void shouldRefuseBidirectionalControls(String bidi) {
        assertThat(PlainText.problem("invoice" + bidi + "fdp.exe")).contains(PlainText.BIDI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "\udfff", "x\udc00\ud800", "\ud83d"})
    void shouldRefuseUnpairedSurrogates(String broken) {
        assertThat(PlainText.problem(broken)).contains(PlainText.SURROGATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\n", "\r\n"})
    void shouldAllowTabAndLineBreaksOnlyInFreeText(String whitespace) {
        assertThat(PlainText.problem("line" + whitespace + "line", true)).isEmpty();
        assertThat(PlainText.problem("line" + whitespace + "line")).contains(PlainText.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Zoë Ångström", "注文 😀", "Ünïcödé – “quotes” €", "\u00a0non-breaking", "\u200d"})
    void shouldAcceptOrdinaryText(String text) {
        assertThat(PlainText.problem(text)).isEmpty();
    }

    @Test
    void shouldAcceptAnyTextWithoutControls() {
        Gen<Character> ordinary = Gen.oneOf(Gen.chars('\u0020', '\u007e'), Gen.chars('\u00a0', '\u05ff'),
                Gen.chars('\u0700', '\u2000'), Gen.of('\u2070', '\uffff'));

        Property.forAll(200, Gen.strings(ordinary, 0, 50), text -> assertThat(PlainText.problem(text)).isEmpty());
    }

    @Test
    void shouldRefuseAnyC0OrC1ControlWherever() {
        Gen<String> letters = Gen.strings(Gen.chars('a', 'z'), 0, 20);
        Gen<Character> controls = Gen.chars('\u0000', '\u009f');
        Gen<Surrounded> texts = random -> new Surrounded(letters.next(random), controls.next(random),
                letters.next(random));

        Property.forAll(200, texts, text -> {
            char control = text.control();
            boolean allowed = control >= 0x20 && control < 0x7f || "\t\n\r".indexOf(control) >= 0;
            assertThat(PlainText.problem(text.before() + control + text.after(), true).isEmpty()).isEqualTo(allowed);
        });
    }

    private record Surrounded(String before, char control, String after) {
    }
}
