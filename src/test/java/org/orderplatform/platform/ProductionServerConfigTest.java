package org.orderplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The Liberty configuration production servers get - every file under src/main/liberty/config (server.xml and any
 * includes or configDropins). Test-only configuration lives in src/test/liberty/config.
 */
class ProductionServerConfigTest {

    static final Path CONFIG = Path.of("src/main/liberty/config");

    @Test
    void shouldNotEnableLocalJmx() throws Exception {
        assertThat(features()).contains("restfulWS-3.1")
                .noneSatisfy(feature -> assertThat(feature).startsWithIgnoringCase("localConnector"));
    }

    /**
     * The test server takes its configuration directory from src/test/liberty/config and only server.xml from here
     * (pom.xml): any other file added here would silently never reach the tests.
     */
    @Test
    void shouldHoldOnlyServerXmlWhichIsAllTheTestServerTakesFromHere() throws Exception {
        try (Stream<Path> files = Files.walk(CONFIG)) {
            assertThat(files.filter(Files::isRegularFile).map(CONFIG::relativize).map(Path::toString))
                    .containsExactly("server.xml");
        }
    }

    private static List<String> features() throws Exception {
        List<String> features = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CONFIG)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".xml")).toList()) {
                NodeList elements = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getElementsByTagName("feature");
                for (int i = 0; i < elements.getLength(); i++) {
                    features.add(elements.item(i).getTextContent().trim());
                }
            }
        }
        return features;
    }
}
