package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What every error response must look like: an RFC 9457 problem that names its request id. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts a complete problem document with the given status for the given path; returns it. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String instance) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonObject problem = Api.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).isEqualTo(instance);
        assertThat(problem.getString("request_id"))
                .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /**
     * Asserts that every response has one of the allowed statuses - naming all statuses seen and the body of the
     * first unexpected response - and that every error among them is a complete problem for its own path.
     */
    public static void assertOnlyStatuses(List<HttpResponse<String>> responses, Integer... allowed) {
        Map<Integer, Long> seen = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
        String unexpected = responses.stream().filter(response -> !List.of(allowed).contains(response.statusCode()))
                .findFirst().map(response -> "; the first unexpected: " + response.request().method() + " "
                        + response.uri().getPath() + " -> " + response.statusCode() + " " + response.body())
                .orElse("");
        assertThat(seen.keySet()).as("statuses (status=count) %s%s", seen, unexpected).isSubsetOf(allowed);
        responses.stream().filter(response -> response.statusCode() >= 400)
                .forEach(response -> assertProblem(response, response.statusCode(), response.uri().getPath()));
    }
}
