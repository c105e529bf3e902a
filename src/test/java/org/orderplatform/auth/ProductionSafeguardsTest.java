package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.orderplatform.user.FirstSuperuser;

class ProductionSafeguardsTest {

    @Test
    void shouldRefuseDefaultSuperuserPasswordOutsideDevelopment() {
        assertThatThrownBy(() -> safeguards("production", FirstSuperuser.DEFAULT_PASSWORD).check(null))
                .hasMessageContaining("FIRST_SUPERUSER_PASSWORD");
        assertThatThrownBy(() -> safeguards("staging", FirstSuperuser.DEFAULT_PASSWORD).check(null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseDefaultDatabasePasswordOutsideDevelopment() {
        ProductionSafeguards safeguards = safeguards("production", "A-real-Secret-99");
        safeguards.databasePassword = ProductionSafeguards.DEFAULT_DB_PASSWORD;

        assertThatThrownBy(() -> safeguards.check(null)).hasMessageContaining("DB_PASSWORD");
    }

    @Test
    void shouldAllowDefaultsInDevelopmentAndSecretsEverywhere() {
        ProductionSafeguards development = safeguards("development", FirstSuperuser.DEFAULT_PASSWORD);
        development.databasePassword = ProductionSafeguards.DEFAULT_DB_PASSWORD;

        assertThatCode(() -> development.check(null)).doesNotThrowAnyException();
        assertThatCode(() -> safeguards("production", "A-real-Secret-99").check(null)).doesNotThrowAnyException();
    }

    private static ProductionSafeguards safeguards(String environment, String password) {
        ProductionSafeguards safeguards = new ProductionSafeguards();
        safeguards.environment = environment;
        safeguards.firstSuperuserPassword = password;
        safeguards.databasePassword = "Another-real-Secret-7";
        return safeguards;
    }
}
