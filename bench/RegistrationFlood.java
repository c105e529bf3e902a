import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a registration flood from one address does to everybody else: the latency of a plain GET /api/users/me
 * (and GET /health/ready) before and during FLOOD registrations sent CONCURRENCY at a time. Needs only a JDK and a
 * running platform:
 *
 * <pre>java bench/RegistrationFlood.java [BASE_URL] [FLOOD] [CONCURRENCY] [one|many]</pre>
 *
 * The flood comes from one client address (throttled after REGISTRATIONS_PER_ADDRESS), or with {@code many} from a
 * fresh address per registration (a distributed flood: every one is hashed, and only PASSWORD_HASH_CONCURRENCY and
 * hashing outside transactions protect the others). Addresses are sent as X-Forwarded-For, which the local run
 * believes from loopback. Prints figures; never fails on them.
 */
public class RegistrationFlood {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        int flood = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        boolean manyAddresses = args.length > 3 && args[3].equals("many");
        String email = "bystander-" + UUID.randomUUID() + "@example.org";
        send(base + "/api/auth/register", register(email), "198.19.255.1");
        String login = send(base + "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Flood-Pass-42\"}",
                "198.19.255.2").body();
        String token = login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        List<Long> quiet = probe(base, token, 40, new AtomicBoolean(true));
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency + 1);
        Future<List<Long>> during = pool.submit(() -> probe(base, token, Integer.MAX_VALUE, flooding));
        long start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            String address = manyAddresses ? "198.18." + (i / 250) + "." + (i % 250 + 1) : "198.19.254.1";
            answers.add(pool.submit(() -> send(base + "/api/auth/register",
                    register("flood-" + UUID.randomUUID() + "@example.org"), address).statusCode()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        flooding.set(false);
        List<Long> loaded = during.get();
        pool.shutdown();

        System.out.printf("flood                        %d registrations, %d at a time, from %s, %.1f s%n",
                flood, concurrency, manyAddresses ? "an address each" : "one address", seconds);
        System.out.printf("answers                      %s%n", statuses);
        System.out.printf("GET /me before, ms           %s%n", summary(quiet));
        System.out.printf("GET /me during, ms           %s%n", summary(loaded));
        System.out.printf("ratio of medians             %.2f%n",
                (double) percentile(loaded, 50) / percentile(quiet, 50));
    }

    /** Alternates GET /me and GET /health/ready until told to stop (or rounds are done); the /me latencies. */
    private static List<Long> probe(String base, String token, int rounds, AtomicBoolean going) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds && going.get(); i++) {
            long start = System.nanoTime();
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/users/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            nanos.add(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException("GET /api/users/me answered " + status);
            }
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return nanos;
    }

    private static String register(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"Flood-Pass-42\",\"full_name\":\"Flood\"}";
    }

    private static HttpResponse<String> send(String url, String json, String clientAddress) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String summary(List<Long> nanos) {
        return String.format("median %.1f, p95 %.1f, max %.1f (%d requests)", percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6, nanos.size());
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
