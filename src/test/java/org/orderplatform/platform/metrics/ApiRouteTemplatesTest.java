package org.orderplatform.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orderplatform.order.OrderResource;

/** The label values of api_request_duration_seconds: route templates and a bounded set of methods. */
class ApiRouteTemplatesTest {

    @Path("things/")
    static class ThingResource {

        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("/{id: [0-9]+}/parts/")
        public String parts() {
            return "";
        }
    }

    /** What a CDI proxy looks like to JAX-RS: a subclass without the @Path. */
    static class ThingResourceProxy extends ThingResource {
    }

    @Test
    void shouldBuildTheRouteTemplateFromClassAndMethodPaths() throws NoSuchMethodException {
        assertThat(ApiRouteFilter.template(ThingResource.class, ThingResource.class.getMethod("list")))
                .isEqualTo("/api/things");
        assertThat(ApiRouteFilter.template(ThingResource.class, ThingResource.class.getMethod("parts")))
                .isEqualTo("/api/things/{id}/parts");
    }

    @Test
    void shouldFindTheClassPathOfAProxySubclass() throws NoSuchMethodException {
        assertThat(ApiRouteFilter.template(ThingResourceProxy.class, ThingResource.class.getMethod("parts")))
                .isEqualTo("/api/things/{id}/parts");
    }

    @Test
    void shouldNameARealOperationByItsTemplate() throws NoSuchMethodException {
        assertThat(ApiRouteFilter.template(OrderResource.class,
                OrderResource.class.getMethod("cancel", String.class)))
                .isEqualTo("/api/orders/{id}/cancel");
    }

    @ParameterizedTest
    @CsvSource({"GET, GET", "POST, POST", "DELETE, DELETE", "OPTIONS, OPTIONS", "BREW, OTHER", "get, OTHER",
        "PROPFIND, OTHER"})
    void shouldKeepMethodLabelsToAFixedSet(String method, String label) {
        assertThat(ApiRequestMetrics.methodOf(method)).isEqualTo(label);
    }
}
