import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario (e), the pipeline's first half: places ORDERS orders as fast as CONNECTIONS clients can, spread over the
 * customers bench/Users.java wrote, and prints how many were acknowledged (201) and refused. bench/run then times,
 * from the database, how long the pipeline took from the first order placed to the last one COMPLETED:
 *
 * <pre>java bench/Drain.java BASE_URL CUSTOMERS_FILE ORDERS CONNECTIONS</pre>
 */
public class Drain {

    static final String ORDER = "{\"items\":[{\"sku\":\"BENCH-1\",\"name\":\"Benchmark item\",\"quantity\":1,"
            + "\"unit_price\":\"9.90\"},{\"sku\":\"BENCH-2\",\"name\":\"Second item\",\"quantity\":2,"
            + "\"unit_price\":\"4.50\"},{\"sku\":\"BENCH-3\",\"name\":\"Third item\",\"quantity\":3,"
            + "\"unit_price\":\"1.25\"}]}";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream()
                .map(line -> line.split(" ")[0])
                .toList();
        int orders = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                            .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                            .build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? acknowledged : refused).incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("placed=%d refused=%d placing_seconds=%.2f%n", acknowledged.get(), refused.get(), seconds);
    }
}
