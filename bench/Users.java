import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the benchmark's customers - many, because one customer's orders are placed one after the other on purpose
 * (the owner's row lock) - each logged in and with one order. Writes one line per customer, {@code TOKEN ORDER_ID},
 * for the load scripts (bench/wrk/scenario.lua):
 *
 * <pre>java bench/Users.java BASE_URL COUNT OUTPUT_FILE</pre>
 */
public class Users {

    static final String PASSWORD = "Bench-Pass-2026";
    static final String ORDER = "{\"items\":[{\"sku\":\"BENCH-1\",\"name\":\"Benchmark item\",\"quantity\":1,"
            + "\"unit_price\":\"9.90\"}]}";
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern ORDER_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        Path output = Path.of(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + i + "@example.com";
            customers.add(pool.submit(() -> customer(http, base, email)));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> customer : customers) {
            lines.add(customer.get());
        }
        pool.shutdown();
        Files.write(output, lines);
        System.out.println("seeded " + count + " customers, one order each");
    }

    /** Registers, logs in and places one order: {@code TOKEN ORDER_ID}. */
    static String customer(HttpClient http, String base, String email) throws IOException, InterruptedException {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        expect(post(http, base + "/api/auth/register", null, credentials), 201);
        String token = find(ACCESS_TOKEN, expect(post(http, base + "/api/auth/login", null, credentials), 200));
        String order = find(ORDER_ID, expect(post(http, base + "/api/orders", token, ORDER), 201));
        return token + " " + order;
    }

    static HttpResponse<String> post(HttpClient http, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in " + body);
        }
        return matcher.group(1);
    }
}
