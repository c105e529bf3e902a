package org.orderplatform.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.orderplatform.processing.OrderOutboxRelay;
import org.orderplatform.processing.OrderProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * server.xml gives some metrics their buckets and quantiles by name ({@code mp.metrics.distribution.*} variables). A
 * name there that no code records configures nothing, silently; so each one must be exactly a metric-name constant.
 */
class ServerXmlMetricNamesTest {

    static final Path SERVER_XML = Path.of("src/main/liberty/config/server.xml");

    @Test
    void shouldGivePrometheusBucketsToTheProcessingMetricsByTheirConstants() throws Exception {
        assertThat(metricNames("mp.metrics.distribution.percentiles-histogram.enabled")).containsExactlyInAnyOrder(
                OrderProcessor.PROCESSING_DURATION, OrderProcessor.COMPLETION_LATENCY,
                OrderOutboxRelay.RELAY_BATCH_SIZE);
    }

    @Test
    void shouldGiveFixedBucketsAndNoQuantilesToTheApiRequestDurationByItsConstant() throws Exception {
        assertThat(metricNames("mp.metrics.distribution.timer.buckets"))
                .containsExactly(ApiRequestMetrics.REQUEST_DURATION);
        assertThat(metricNames("mp.metrics.distribution.percentiles"))
                .containsExactly(ApiRequestMetrics.REQUEST_DURATION);
    }

    /** The metric names of a distribution variable: its value is {@code name=setting;name=setting}. */
    private static Set<String> metricNames(String variable) throws Exception {
        NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SERVER_XML.toFile())
                .getElementsByTagName("variable");
        for (int i = 0; i < variables.getLength(); i++) {
            Element element = (Element) variables.item(i);
            if (element.getAttribute("name").equals(variable)) {
                return Arrays.stream(element.getAttribute("value").split(";"))
                        .map(entry -> entry.substring(0, entry.indexOf('=')).trim())
                        .collect(Collectors.toSet());
            }
        }
        throw new AssertionError(variable + " is not a variable of " + SERVER_XML);
    }
}
