import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Creates demo users on a running Order Platform. Needs only a JDK:
 *
 * <pre>java scripts/Seed.java [BASE_URL]</pre>
 *
 * BASE_URL defaults to http://localhost:9080; the demo password to Demo-Pass-2024 (or DEMO_PASSWORD). Running it
 * again changes nothing: users that exist are left as they are.
 */
public class Seed {

    record DemoUser(String email, String fullName) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice@example.com", "Alice Anderson"),
            new DemoUser("bob@example.com", "Bob Brown"),
            new DemoUser("carol@example.com", "Carol Clark"));

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        String password = System.getenv().getOrDefault("DEMO_PASSWORD", "Demo-Pass-2024");
        HttpClient http = HttpClient.newHttpClient();
        for (DemoUser user : USERS) {
            String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\",\"full_name\":\""
                    + user.fullName() + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 201 -> System.out.println("created  " + user.email());
                case 409 -> System.out.println("exists   " + user.email());
                default -> {
                    System.err.println("failed   " + user.email() + ": " + response.statusCode() + " " + response.body());
                    System.exit(1);
                }
            }
        }
        System.out.println("Demo users can log in with the password " + password);
    }
}
