package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class ProcessingSettingsTest {

    @Test
    void shouldAcceptTheDefaults() {
        ProcessingSettings settings = defaults();

        assertThatCode(() -> settings.check(null)).doesNotThrowAnyException();
        assertThat(settings.role).isEqualTo("all");
        assertThat(settings.workerConcurrency()).isPositive();
    }

    @Test
    void shouldRefuseAFulfilmentThatCouldOutliveTheLease() {
        ProcessingSettings settings = defaults();
        settings.fulfilmentDelayMillis = 20_000;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("FULFILMENT_DELAY_MS");
    }

    @Test
    void shouldRefuseAStuckThresholdThatRetriesCouldReach() {
        ProcessingSettings settings = defaults();
        settings.retryMaxDelayMillis = 600_000;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("STUCK_ORDER_AFTER_SECONDS");
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        ProcessingSettings settings = defaults();
        settings.role = "everything";
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("APP_ROLE must be api, worker or all");
    }

    @Test
    void shouldRefuseNoAttempts() {
        ProcessingSettings settings = defaults();
        settings.maxAttempts = 0;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("JOB_MAX_ATTEMPTS");
    }

    @Test
    void shouldRefuseToPurgeWithoutRetention() {
        ProcessingSettings settings = defaults();
        settings.finishedJobRetentionDays = 0;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("FINISHED_JOB_RETENTION_DAYS");
    }

    /**
     * Settings as a server without any of the variables gets them: each field's {@code @ConfigProperty} default,
     * read from the class itself, so that a default changed there is the default checked here.
     */
    static ProcessingSettings defaults() {
        ProcessingSettings settings = new ProcessingSettings();
        for (Field field : ProcessingSettings.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property == null) {
                continue;
            }
            assertThat(property.defaultValue()).as(property.name() + " has a default")
                    .isNotEqualTo(ConfigProperty.UNCONFIGURED_VALUE);
            try {
                field.set(settings, parse(property.defaultValue(), field.getType()));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return settings;
    }

    private static Object parse(String text, Class<?> type) {
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == String.class) {
            return text;
        }
        throw new AssertionError("A setting of a type this test cannot read: " + type);
    }
}
