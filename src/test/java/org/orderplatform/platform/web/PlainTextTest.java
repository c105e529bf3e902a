package org.orderplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Property(tries = 200)
    void shouldAcceptAnyTextWithoutControls(@ForAll @StringLength(max = 50)
                                            @CharRange(from = '\u0020', to = '\u007e')
                                            @CharRange(from = '\u00a0', to = '\u05ff')
                                            @CharRange(from = '\u0700', to = '\u2000')
                                            @Chars({'\u2070', '\uffff'}) String text) {
        assertThat(PlainText.problem(text)).isEmpty();
    }

    @Property(tries = 200)
    void shouldRefuseAnyC0OrC1ControlWherever(@ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String before,
                                              @ForAll @CharRange(from = '\u0000', to = '\u009f') char control,
                                              @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String after) {
        boolean allowed = control >= 0x20 && control < 0x7f || control == '\t' || control == '\n' || control == '\r';
        assertThat(PlainText.problem(before + control + after, true).isEmpty()).isEqualTo(allowed);
    }
}
