import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The image's HEALTHCHECK: exit 0 when {@code /health/ready} on this container answers 200, 1 otherwise. A JRE
 * image has no curl or wget, but it has Java; this class is compiled when the image is built and run with a tiny
 * heap. The port is the server's own {@code HTTP_PORT}.
 */
public final class HealthCheck {

    public static void main(String[] args) throws InterruptedException {
        String port = System.getenv().getOrDefault("HTTP_PORT", "9080");
        String path = args.length > 0 ? args[0] : "/health/ready";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3))
                .build();
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                System.exit(0);
            }
            System.out.println(path + " answered " + response.statusCode());
        } catch (java.io.IOException e) {
            System.out.println(path + " unreachable: " + e);
        }
        System.exit(1);
    }
}
