import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

/**
 * Measures whether a failed login gives away if the email exists: median time of "wrong password for a real
 * account" versus "unknown email", and their ratio (close to 1.00 is the goal). Needs only a JDK and a running
 * platform:
 *
 * <pre>java bench/LoginTiming.java [BASE_URL] [ROUNDS]</pre>
 *
 * Every round uses fresh client addresses (X-Forwarded-For) and a fresh account, so throttling stays out of
 * the way. Prints figures; never fails on them.
 */
public class LoginTiming {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        HttpClient http = HttpClient.newHttpClient();
        long[] wrongPassword = new long[rounds];
        long[] unknownEmail = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String email = "timing-" + UUID.randomUUID() + "@example.org";
            post(http, base + "/api/auth/register", "{\"email\":\"" + email
                    + "\",\"password\":\"Timing-Pass-42\",\"full_name\":\"Timing\"}",
                    "198.19." + (i / 250) + "." + (i % 250 + 1)); // registrations are limited per address
            wrongPassword[i] = login(http, base, email, i);
            unknownEmail[i] = login(http, base, "nobody-" + email, i);
        }
        double wrong = median(wrongPassword) / 1e6;
        double unknown = median(unknownEmail) / 1e6;
        System.out.printf("rounds                      %d%n", rounds);
        System.out.printf("wrong password, median      %.1f ms%n", wrong);
        System.out.printf("unknown email, median       %.1f ms%n", unknown);
        System.out.printf("ratio unknown/wrong         %.2f%n", unknown / wrong);
    }

    private static long login(HttpClient http, String base, String email, int round) throws Exception {
        long start = System.nanoTime();
        int status = post(http, base + "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Wrong-Pass-1\"}",
                "198.18." + (round / 250 + 1) + "." + (round % 250 + 1));
        long elapsed = System.nanoTime() - start;
        if (status != 401) {
            throw new IllegalStateException("expected 401 for " + email + ", got " + status);
        }
        return elapsed;
    }

    private static int post(HttpClient http, String url, String json, String clientIp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
