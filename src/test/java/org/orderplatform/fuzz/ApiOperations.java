package org.orderplatform.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderplatform.testsupport.Api;

/** The operations of the live OpenAPI document: what the fuzzer must cover, so that new ones are covered too. */
final class ApiOperations {

    private ApiOperations() {
    }

    /** One parameter: {@code in} is path, query, header or cookie; the schema with references resolved. */
    record Parameter(String name, String in, JsonObject schema) {
    }

    /** One operation; {@code bodies} maps each accepted media type to the body's schema. */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonObject> bodies,
                     boolean secured) {

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Reads {@code /openapi} as JSON. */
    static Document load() {
        HttpResponse<String> response = Api.send(Api.request("/openapi?format=JSON")
                .header("Accept", "application/json").GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /openapi answered " + response.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return new Document(reader.readObject());
        }
    }

    /** The document, and the schemas its references point to. */
    record Document(JsonObject json) {

        List<Operation> operations() {
            List<Operation> operations = new ArrayList<>();
            json.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
                if (operation.getValueType() == JsonValue.ValueType.OBJECT && !method.equals("parameters")) {
                    operations.add(operation(path, method.toUpperCase(Locale.ROOT), operation.asJsonObject(),
                            item.asJsonObject()));
                }
            }));
            return operations;
        }

        private Operation operation(String path, String method, JsonObject operation, JsonObject item) {
            List<Parameter> parameters = new ArrayList<>();
            for (JsonObject owner : List.of(item, operation)) {
                if (owner.containsKey("parameters")) {
                    owner.getJsonArray("parameters").forEach(p -> {
                        JsonObject parameter = resolve(p.asJsonObject());
                        parameters.add(new Parameter(parameter.getString("name"), parameter.getString("in"),
                                resolve(parameter.getJsonObject("schema"))));
                    });
                }
            }
            Map<String, JsonObject> bodies = new LinkedHashMap<>();
            if (operation.containsKey("requestBody")) {
                resolve(operation.getJsonObject("requestBody")).getJsonObject("content").forEach((type, media) ->
                        bodies.put(type, resolve(media.asJsonObject().getJsonObject("schema"))));
            }
            boolean secured = operation.containsKey("security") && !operation.getJsonArray("security").isEmpty();
            return new Operation(method, path, List.copyOf(parameters), bodies, secured);
        }

        /** The object a {@code $ref} points to (or the object itself); null stays null. */
        JsonObject resolve(JsonObject object) {
            if (object == null || !object.containsKey("$ref")) {
                return object;
            }
            JsonObject target = json;
            for (String part : object.getString("$ref").substring(2).split("/")) {
                target = target.getJsonObject(part);
            }
            return resolve(target);
        }
    }
}
