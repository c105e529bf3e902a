import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures order processing end to end on a running platform: places ORDERS orders from CLIENTS concurrent
 * clients (one customer each), waits until all are COMPLETED, and prints the placing rate, the processing throughput
 * and the placed-to-completed latency (median, p95, max, from each order's created_at and updated_at). Needs only a
 * JDK:
 *
 * <pre>java bench/ProcessingThroughput.java [BASE_URL] [ORDERS] [CLIENTS]</pre>
 *
 * Run it against one replica, then with more workers (WORKER_CONCURRENCY, more APP_ROLE=worker replicas) or a
 * slower fulfilment (FULFILMENT_DELAY_MS), and compare. Prints figures; never fails on them.
 */
public class ProcessingThroughput {

    private static final Pattern ITEM = Pattern.compile(
            "\"created_at\":\"([^\"]+)\".*?\"status\":\"([A-Z]+)\".*?\"updated_at\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        HttpClient http = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tokens.add(newCustomer(http, base));
        }

        long placingStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> placing = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String token = tokens.get(i % clients);
            placing.add(pool.submit(() -> send(http, base, "/api/orders", token, "{\"items\":[{\"sku\":\"B-1\","
                    + "\"name\":\"Bench item\",\"quantity\":1,\"unit_price\":\"1.00\"}]}", 201)));
        }
        for (Future<?> future : placing) {
            future.get();
        }
        pool.shutdown();
        double placingSeconds = (System.nanoTime() - placingStarted) / 1e9;

        List<Duration> latencies;
        while (true) {
            latencies = new ArrayList<>();
            for (String token : tokens) {
                latencies.addAll(completedLatencies(http, base, token, orders / clients + 1));
            }
            if (latencies.size() == orders) {
                break;
            }
            Thread.sleep(250);
        }
        double allDoneSeconds = (System.nanoTime() - placingStarted) / 1e9;
        Collections.sort(latencies);
        System.out.printf("orders                          %d (from %d clients)%n", orders, clients);
        System.out.printf("placed in                       %.2f s (%.0f orders/s)%n", placingSeconds,
                orders / placingSeconds);
        System.out.printf("all completed after             %.2f s (%.0f orders/s end to end)%n", allDoneSeconds,
                orders / allDoneSeconds);
        System.out.printf("placed -> completed, median     %d ms%n", latencies.get(orders / 2).toMillis());
        System.out.printf("placed -> completed, p95        %d ms%n", latencies.get(orders * 95 / 100).toMillis());
        System.out.printf("placed -> completed, max        %d ms%n", latencies.get(orders - 1).toMillis());
    }

    /** A new customer (one per client: one user's orders are placed one at a time); its access token. */
    private static String newCustomer(HttpClient http, String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        send(http, base, "/api/auth/register", null, "{\"email\":\"" + email
                + "\",\"password\":\"Bench-Pass-42\",\"full_name\":\"Bench\"}", 201);
        String login = send(http, base, "/api/auth/login", null, "{\"email\":\"" + email
                + "\",\"password\":\"Bench-Pass-42\"}", 200);
        return login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** Latencies of the orders that are COMPLETED (the caller's orders, 100 per page). */
    private static List<Duration> completedLatencies(HttpClient http, String base, String token, int orders)
            throws Exception {
        List<Duration> latencies = new ArrayList<>();
        for (int page = 1; page <= (orders + 99) / 100; page++) {
            String body = send(http, base, "/api/orders?status=COMPLETED&size=100&page=" + page, token, null, 200);
            for (String item : body.split("\\},\\{\"created_at\"")) {
                Matcher order = ITEM.matcher(item.startsWith("{") ? item : "\"created_at\"" + item);
                if (order.find()) {
                    latencies.add(Duration.between(OffsetDateTime.parse(order.group(1)),
                            OffsetDateTime.parse(order.group(3))));
                }
            }
        }
        return latencies;
    }

    private static String send(HttpClient http, String base, String path, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Forwarded-For", "198.18.1." + (1 + (int) (Math.random() * 250)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + ": expected " + expected + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
