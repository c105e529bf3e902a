package org.orderplatform.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Api.get;
import static org.orderplatform.testsupport.Api.request;
import static org.orderplatform.testsupport.Api.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Errors a client can provoke without any account are problem documents, never HTML or stack traces. */
class ProblemResponsesIT {

    @Test
    void shouldAnswerUnknownApiRouteWith404Problem() {
        JsonObject problem = assertProblem(get("/api/orders-of-the-moon"), 404, "/api/orders-of-the-moon");

        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("title")).isEqualTo("Not Found");
        assertThat(problem.getString("detail")).contains("/api/orders-of-the-moon");
        assertThat(problem.containsKey("errors")).isFalse();
    }

    @Test
    void shouldAnswerUnknownStaticPathWith404Problem() {
        JsonObject problem = assertProblem(get("/no-such-page.html"), 404, "/no-such-page.html");

        assertThat(problem.getString("detail")).contains("/no-such-page.html");
    }

    @Test
    void shouldAnswerWrongMethodWith405ProblemListingAllowedMethods() {
        HttpResponse<String> response = send(request("/api/docs").DELETE());

        JsonObject problem = assertProblem(response, 405, "/api/docs");
        assertThat(problem.getString("detail")).contains("DELETE");
        assertThat(response.headers().firstValue("Allow")).get().asString().contains("GET");
    }

    @Test
    void shouldAnswerWrongMethodOnStaticFileWith405Problem() {
        HttpResponse<String> response = send(request("/index.html")
                .header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("x")));

        assertProblem(response, 405, "/index.html");
    }

    @Test
    void shouldKeepServingAfterClientErrors() {
        for (int i = 0; i < 20; i++) {
            get("/api/missing-" + i);
        }

        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }
}
