package org.orderplatform.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderplatform.platform.Causes;
import org.orderplatform.platform.logging.LoggerProducer;
import org.orderplatform.platform.logging.RequestIds;
import org.orderplatform.platform.metrics.ApiRequestMetrics;
import org.orderplatform.platform.web.ApiPaths;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ServerLogs;

/**
 * The platform's web layer (platform.web and its packages: filters, problem mappers, JSON, request bodies; logging,
 * request metrics, the real web.xml) deployed with a probe resource into the real server: malformed and oversized
 * bodies, wrong content types, validation failures and unexpected exceptions all become problem responses; a 500
 * reveals nothing but is logged with its request id (a field of the JSON record).
 */
@ExtendWith(ArquillianExtension.class)
class ErrorHandlingIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive platformWebLayerWithProbe() {
        return ShrinkWrap.create(WebArchive.class, "error-probe.war")
                .addPackages(true, Filters.exclude(".*(IT|Test)(\\$.*)?\\.class"), ApiPaths.class.getPackage())
                .addPackages(false, Filters.exclude(".*(IT|Test)(\\$.*)?\\.class"),
                        LoggerProducer.class.getPackage(), ApiRequestMetrics.class.getPackage(),
                        Causes.class.getPackage())
                .setWebXML(new File("src/main/webapp/WEB-INF/web.xml"));
    }

    @Test
    void shouldEchoValidBodyInSnakeCase() throws Exception {
        HttpResponse<String> response = post("{\"display_name\":\"Ada\",\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject order = Api.json(response);
        assertThat(order.getString("display_name")).isEqualTo("Ada");
        assertThat(order.getJsonArray("lines").getJsonObject(0).getInt("quantity")).isEqualTo(2);
    }

    @Test
    void shouldAnswerUnreadableBodiesWith400Problem() throws Exception {
        List<String> unreadable = List.of(
                "{\"display_name\": \"Ada\", \"lines\": [ ",
                "{display_name: 'Ada'}",
                "{\"display_name\":\"Ada\"}}");
        for (String body : unreadable) {
            JsonObject problem = assertProblem(post(body), 400, probePath());
            assertThat(problem.getString("type")).as(body).isEqualTo("/problems/malformed-body");
        }
    }

    @Test
    void shouldNameEveryValueOfTheWrongType() throws Exception {
        JsonObject wrongTypes = assertProblem(post("{\"display_name\":7,\"lines\":[{\"sku\":\"A\","
                + "\"quantity\":\"5\"}]}"), 422, probePath());
        JsonObject notAnObject = assertProblem(post("[1, 2, 3]"), 422, probePath());

        assertThat(fields(wrongTypes)).containsExactly("display_name", "lines[0].quantity");
        assertThat(fields(notAnObject)).containsExactly("body");
    }

    @Test
    void shouldAnswerWrongContentTypeWith415Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(probe())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("display_name=Ada")));

        JsonObject problem = assertProblem(response, 415, probePath());
        assertThat(problem.getString("detail")).contains("text/plain").contains("application/json");
    }

    @Test
    void shouldListEveryInvalidFieldByItsWireName() throws Exception {
        HttpResponse<String> response = post(
                "{\"display_name\":\"much too long a name\",\"lines\":[{\"sku\":\"A\",\"quantity\":1},"
                        + "{\"sku\":\"\",\"quantity\":0}]}");

        JsonObject problem = assertProblem(response, 422, probePath());
        assertThat(problem.getString("type")).isEqualTo("/problems/validation");
        assertThat(fields(problem)).containsExactly("display_name", "lines[1].quantity", "lines[1].sku");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message")).isNotBlank();
    }

    @Test
    void shouldNameQueryParametersAndTheWholeBodyAsTheClientDoes() throws Exception {
        HttpResponse<String> tooMany = send(HttpRequest.newBuilder(URI.create(probe() + "?max_lines=9"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"display_name\":\"Ada\",\"lines\":[]}")));
        HttpResponse<String> nullBody = post("null");
        HttpResponse<String> noBody = post("");

        assertThat(fields(assertProblem(tooMany, 422, probePath()))).containsExactly("max_lines");
        assertThat(fields(assertProblem(nullBody, 422, probePath()))).containsExactly("body");
        assertThat(fields(assertProblem(noBody, 422, probePath()))).containsExactly("body");
    }

    @Test
    void shouldKeepTheDetailAResourceGaveItsClientError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(probe()).DELETE());

        JsonObject problem = assertProblem(response, 409, probePath());
        assertThat(problem.getString("detail")).isEqualTo(ErrorProbeResource.REFUSAL);
        assertThat(problem.getString("title")).isEqualTo("Conflict");
    }

    @Test
    void shouldTreatAnInvalidResponseAsOurFailure() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(probe().resolve("probe/invalid-result")).GET());

        JsonObject problem = assertProblem(response, 500, probePath() + "/invalid-result");
        assertThat(problem.getString("type")).isEqualTo("/problems/internal-error");
    }

    @Test
    void shouldReadChunkedBodyUpToTheLimitAndStopOneByteAfter() throws Exception {
        HttpResponse<String> atLimit = postChunked(bodyOfSize(BODY_LIMIT));
        HttpResponse<String> overLimit = postChunked(bodyOfSize(BODY_LIMIT + 1));

        // At the limit the body is read in full, so validation gets to see (and refuse) the long name.
        assertProblem(atLimit, 422, probePath());
        JsonObject problem = assertProblem(overLimit, 413, probePath());
        assertThat(problem.getString("type")).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void shouldHideUnexpectedFailureAndLogItWithTheRequestId() throws Exception {
        String requestId = "probe-" + System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(probe().resolve("probe/failure"))
                .header("X-Request-ID", requestId).GET());

        JsonObject problem = assertProblem(response, 500, probePath() + "/failure");
        assertThat(problem.getString("request_id")).isEqualTo(requestId);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains(requestId);
        assertThat(response.body()).doesNotContain(ErrorProbeResource.SECRET).doesNotContain("IllegalState");
        // The id is a field of the JSON record, not text pasted into its message.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ServerLogs.jsonRecords())
                .filteredOn(record -> requestId.equals(record.getString(RequestIds.JSON_LOG_FIELD, null)))
                .anySatisfy(record -> {
                    assertThat(record.getString("message")).contains("Unexpected failure of GET");
                    assertThat(record.toString()).contains(ErrorProbeResource.SECRET);
                }));
    }

    /** MAX_REQUEST_BODY_BYTES of the test server (see pom.xml). */
    static final int BODY_LIMIT = 65536;

    private static byte[] bodyOfSize(int size) {
        String head = "{\"display_name\":\"";
        String tail = "\",\"lines\":[]}";
        byte[] body = (head + "x".repeat(size - head.length() - tail.length()) + tail)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }

    private HttpResponse<String> postChunked(byte[] body) throws Exception {
        // An InputStream publisher has no length: the body goes in chunks and the limit is enforced while reading.
        return send(HttpRequest.newBuilder(probe())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .map(error -> error.getString("field"))
                .toList();
    }

    private URI probe() throws Exception {
        return deployment.toURI().resolve("api/probe");
    }

    private String probePath() throws Exception {
        return probe().getPath();
    }

    private HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(probe())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
