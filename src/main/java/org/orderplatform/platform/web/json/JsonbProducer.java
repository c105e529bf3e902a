package org.orderplatform.platform.web.json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** The one JSON-B configuration of the API: snake_case on the wire, nulls omitted. */
@ApplicationScoped
public class JsonbProducer {

    @Produces
    @ApplicationScoped
    Jsonb jsonb() {
        return JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false));
    }

    void close(@Disposes Jsonb jsonb) throws Exception {
        jsonb.close();
    }
}
