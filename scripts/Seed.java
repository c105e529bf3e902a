import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates demo users, each with a few orders, on a running Order Platform. Needs only a JDK:
 *
 * <pre>java scripts/Seed.java [BASE_URL]</pre>
 *
 * BASE_URL defaults to http://localhost:9080; the demo password to Demo-Pass-2024 (or DEMO_PASSWORD). Running it
 * again changes nothing: existing users are left as they are, and orders are placed with Idempotency-Keys.
 */
public class Seed {

    record DemoUser(String email, String fullName) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice@example.com", "Alice Anderson"),
            new DemoUser("bob@example.com", "Bob Brown"),
            new DemoUser("carol@example.com", "Carol Clark"));

    static final List<String> ORDERS = List.of(
            "{\"items\":[{\"sku\":\"BOOK-42\",\"name\":\"The Hitchhiker's Guide\",\"quantity\":1,"
                    + "\"unit_price\":\"12.50\"}]}",
            "{\"items\":[{\"sku\":\"MUG-1\",\"name\":\"Coffee mug\",\"quantity\":2,\"unit_price\":\"8.00\"},"
                    + "{\"sku\":\"BEAN-250\",\"name\":\"Coffee beans 250 g\",\"quantity\":3,\"unit_price\":\"6.95\"}],"
                    + "\"currency\":\"EUR\",\"notes\":\"Gift wrap, please\"}");

    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        String password = System.getenv().getOrDefault("DEMO_PASSWORD", "Demo-Pass-2024");
        HttpClient http = HttpClient.newHttpClient();
        for (DemoUser user : USERS) {
            HttpResponse<String> registered = post(http, base + "/api/auth/register", null, null,
                    "{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\",\"full_name\":\""
                            + user.fullName() + "\"}");
            switch (registered.statusCode()) {
                case 201 -> System.out.println("created  " + user.email());
                case 409 -> System.out.println("exists   " + user.email());
                default -> fail(user.email(), registered);
            }
            HttpResponse<String> login = post(http, base + "/api/auth/login", null, null,
                    "{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\"}");
            Matcher token = ACCESS_TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                fail(user.email(), login);
            }
            for (int i = 0; i < ORDERS.size(); i++) {
                HttpResponse<String> order = post(http, base + "/api/orders", token.group(1),
                        "seed-" + user.email() + "-" + i, ORDERS.get(i));
                if (order.statusCode() != 201 && order.statusCode() != 200) {
                    fail(user.email(), order);
                }
            }
            System.out.println("         " + ORDERS.size() + " orders");
        }
        System.out.println("Demo users can log in with the password " + password);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String idempotencyKey,
                                             String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void fail(String email, HttpResponse<String> response) {
        System.err.println("failed   " + email + ": " + response.statusCode() + " " + response.body());
        System.exit(1);
    }
}
