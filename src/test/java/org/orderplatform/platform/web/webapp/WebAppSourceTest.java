package org.orderplatform.platform.web.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the web app's code must never do, checked in its source: parse strings as HTML or code (API data would become
 * markup: the app builds nodes with dom.js instead), keep anything in web storage (the access token lives in memory
 * only), or rely on inline scripts and styles, which its Content-Security-Policy refuses.
 */
class WebAppSourceTest {

    static final Path WEBAPP = Path.of("webapp");
    static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//.*$|(?m)\\s//\\s.*$", Pattern.DOTALL);
    static final List<String> FORBIDDEN_IN_SCRIPTS = List.of("innerHTML", "outerHTML", "insertAdjacentHTML",
            "document.write", "eval(", "new Function", "localStorage", "sessionStorage", "'style'", "\"style\"",
            "DOMParser", "createContextualFragment", "srcdoc");

    @Test
    void shouldNeverTurnTextIntoMarkupOrCodeNorUseWebStorage() throws IOException {
        List<Path> scripts = files(".js");
        assertThat(scripts).as("the app's modules").hasSizeGreaterThan(10);
        for (Path script : scripts) {
            String code = COMMENTS.matcher(Files.readString(script)).replaceAll("");
            assertThat(FORBIDDEN_IN_SCRIPTS).as(script.toString()).noneMatch(code::contains);
        }
    }

    @Test
    void shouldHaveNoInlineScriptOrStyleInThePage() throws IOException {
        String index = Files.readString(WEBAPP.resolve("index.html"));
        assertThat(index).doesNotContain("<style", " style=", "javascript:");
        assertThat(Pattern.compile("\\son[a-z]+\\s*=").matcher(index).find()).as("an event handler attribute")
                .isFalse();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(index).find()).as("an inline script").isFalse();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("assets"))) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
