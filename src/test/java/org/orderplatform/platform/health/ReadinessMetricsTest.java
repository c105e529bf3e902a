package org.orderplatform.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The readiness gauge is 1 exactly when /health/ready would answer UP: every readiness check UP. */
class ReadinessMetricsTest {

    private static final HealthCheck UP = () ->
            new HealthCheckResponse("up", HealthCheckResponse.Status.UP, Optional.empty());
    private static final HealthCheck DOWN = () ->
            new HealthCheckResponse("down", HealthCheckResponse.Status.DOWN, Optional.empty());

    @Test
    void shouldBeReadyOnlyWhenEveryCheckIsUp() {
        assertThat(ReadinessMetrics.allUp(List.of(UP, UP))).isTrue();
        assertThat(ReadinessMetrics.allUp(List.of(UP, DOWN))).isFalse();
        assertThat(ReadinessMetrics.allUp(List.of(DOWN))).isFalse();
    }
}
