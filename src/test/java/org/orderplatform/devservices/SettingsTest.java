package org.orderplatform.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void shouldStartBothServicesOnStandardPortsWhenNothingIsConfigured() {
        Settings settings = Settings.parse("target/dev-services", Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("target/dev-services"));
        assertThat(settings.ephemeral()).isFalse();
        assertThat(settings.postgresPort()).hasValue(5432);
        assertThat(settings.redisPort()).hasValue(6379);
        assertThat(settings.database()).isEqualTo(
                new Settings.Database("orderplatform", "orderplatform", "orderplatform"));
    }

    @Test
    void shouldStartNothingForServicesWhoseHostIsConfigured() {
        Settings settings = Settings.parse("dir", Map.of("DB_HOST", "db.internal", "REDIS_HOST", "cache"));

        assertThat(settings.postgresPort()).isEmpty();
        assertThat(settings.redisPort()).isEmpty();
    }

    @Test
    void shouldListenOnConfiguredPortsAndUseConfiguredCredentials() {
        Settings settings = Settings.parse("dir", Map.of("DB_PORT", "15432", "REDIS_PORT", "16379",
                "DB_NAME", "shop", "DB_USER", "clerk", "DB_PASSWORD", "pw"));

        assertThat(settings.postgresPort()).hasValue(15432);
        assertThat(settings.redisPort()).hasValue(16379);
        assertThat(settings.database()).isEqualTo(new Settings.Database("shop", "clerk", "pw"));
    }

    @Test
    void shouldPreferPortsReservedByTheBuild() {
        Settings settings = Settings.parse("dir,ephemeral,pg=40001,redis=40002", Map.of("DB_PORT", "15432"));

        assertThat(settings.ephemeral()).isTrue();
        assertThat(settings.postgresPort()).hasValue(40001);
        assertThat(settings.redisPort()).hasValue(40002);
    }

    @Test
    void shouldRefuseUnknownArgumentsAndMissingDataDirectory() {
        assertThatThrownBy(() -> Settings.parse("dir,persistent", Map.of()))
                .hasMessageContaining("persistent");
        assertThatThrownBy(() -> Settings.parse(" ", Map.of())).hasMessageContaining("data directory");
    }
}
