package org.orderplatform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;

/**
 * A customer's journeys through the web app in a real browser, clicked as a user clicks them. The same journeys run
 * against the app as Liberty serves it ({@link WebAppJourneysIT}) and behind the Nginx proxy of the containers
 * ({@link WebAppJourneysThroughNginxIT}). The test server processes no orders itself; a worker replica is started only
 * where a journey watches an order complete.
 */
@ExtendWith(ScreenshotOnFailure.class)
abstract class UserJourneys {

    @RegisterExtension
    final Replicas replicas = new Replicas();

    private final List<WebApp> browsers = new java.util.ArrayList<>();

    /** Where the app is served. */
    abstract URI base();

    /** Screenshot folder under target/screenshots. */
    abstract String suite();

    WebApp browser() {
        WebApp app = WebApp.open(base(), suite());
        browsers.add(app);
        return app;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebApp::close);
    }

    @Test
    void shouldTakeANewCustomerFromSignUpThroughEveryOrderActionToLogOut() {
        WebApp app = browser();
        app.go("/").at("Log in").capture("login");
        app.click("Create an account").at("Create your account").capture("signup");
        String email = Accounts.uniqueEmail("journey");
        app.fill("full_name", "Ann Example").fill("email", email)
                .fill("password", Accounts.PASSWORD).submit("Create account").at("Orders");
        assertThat(app.find(By.cssSelector(".state-empty")).getText()).contains("You have no orders yet");
        app.capture("orders-empty");

        String edited = placeOrder(app, List.of(new Line("BOOK-1", "A book", "3", "19.99"),
                new Line("PEN", "Pen", "1", "0.01")), "$59.98");
        app.click("Edit").atHeadingStartingWith("Edit order").capture("order-edit");
        app.fill("items[1].quantity", "2").submit("Save changes").atHeadingStartingWith("Order ");
        assertThat(app.find(By.cssSelector(".total-value")).getText()).isEqualTo("$59.99");

        String cancelled = placeOrder(app, List.of(new Line("CUP", "Cup", "1", "4.50")), "$4.50");
        app.click("Cancel order").capture("confirm-cancel");
        app.confirm("Cancel order");
        app.waitUntil("cancelled badge", () -> badge(app).equals("CANCELLED"));
        assertThat(app.find(By.cssSelector(".timeline")).getText()).contains("cancelled by the owner");

        String deleted = placeOrder(app, List.of(new Line("MUG", "Mug", "2", "7.25")), "$14.50");
        app.click("Delete").confirm("Delete order").at("Orders");
        assertThat(orderRows(app)).contains(edited, cancelled).doesNotContain(deleted);
        app.capture("orders");

        // A worker comes up while the list is open: the badge turns COMPLETED live, through the event stream alone (the
        // order itself cannot be fetched by this browser any more) - the page is never reloaded. A second browser of
        // the same customer, whose event streams fail, sees it too: by polling.
        app.driver().executeScript("window.neverReloaded = true");
        app.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/orders/" + edited)));
        WebApp polling = browser();
        polling.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/events")));
        polling.logIn(email, Accounts.PASSWORD).go("/orders/" + edited).atHeadingStartingWith("Order ");
        replicas.start("journeyWorker", Processing.fast("APP_ROLE", "worker", "FULFILMENT_DELAY_MS", "500"));
        app.waitUntil("order " + edited + " completed in the list",
                () -> "COMPLETED".equals(app.find(By.cssSelector("tr[data-order-id='" + edited + "'] [data-status]"))
                        .getAttribute("data-status")));
        assertThat(app.driver().executeScript("return window.neverReloaded")).isEqualTo(true);
        polling.waitUntil("order " + edited + " completed by polling", () -> badge(polling).equals("COMPLETED"));
        app.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        app.click("Order " + edited.substring(0, 8)).atHeadingStartingWith("Order ");
        assertThat(app.find(By.cssSelector(".timeline")).getText()).contains("Pending", "Processing", "Completed");
        app.capture("order-detail");

        app.clickNav("Profile").at("Profile").capture("profile");
        app.logOut();
        app.go("/orders").at("Log in");
    }

    @Test
    void shouldChangeNameAndPasswordOnTheProfile() {
        JsonObject user = Accounts.newUser("profile");
        WebApp app = browser();
        app.logIn(user.getString("email"), Accounts.PASSWORD);
        app.clickNav("Profile").at("Profile");
        app.fill("full_name", "Renamed Customer").submit("Save details");
        app.waitUntil("the new name in the navigation",
                () -> app.find(By.cssSelector(".user-name")).getText().equals("Renamed Customer"));

        String newPassword = "Another-Horse-77";
        app.fill("current_password", "not-my-password", "Change password")
                .fill("password", newPassword, "Change password")
                .fill("password_again", newPassword, "Change password").submit("Change password");
        assertThat(app.fieldError("current_password", "Change password")).isEqualTo("is not your current password");
        app.fill("current_password", Accounts.PASSWORD, "Change password").submit("Change password");
        app.waitUntil("the password changed", () -> app.find(By.cssSelector("form[aria-labelledby=password-heading] "
                + ".notice")).getText().startsWith("Your password is changed"));
        app.logOut().logIn(user.getString("email"), newPassword);
    }

    @Test
    void shouldCatchWhatTheContentSecurityPolicyRefuses() {
        WebApp app = browser();
        app.go("/login").at("Log in").capture("login");
        app.driver().executeScript("const script = document.createElement('script'); "
                + "script.textContent = 'window.injected = true'; document.body.append(script);");
        assertThat(app.driver().executeScript("return window.injected === true")).isEqualTo(false);
        assertThatThrownBy(() -> app.capture("login-after-injection")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content Security Policy");
    }

    @Test
    void shouldShowValidationErrorsNextToTheirFields() {
        WebApp app = browser();
        JsonObject user = Accounts.newUser("invalid");
        app.go("/login").at("Log in");
        app.fill("email", user.getString("email")).fill("password", "not-the-password").submit("Log in");
        assertThat(app.alert()).isEqualTo("Incorrect email or password.");
        app.fill("password", Accounts.PASSWORD).submit("Log in").at("Orders");

        app.go("/orders/new").at("New order");
        app.fill("items[0].sku", "has space").fill("items[0].unit_price", "1.999").submit("Place order");
        assertThat(app.fieldError("items[0].sku")).contains("only letters, digits");
        assertThat(app.fieldError("items[0].name")).isEqualTo("must not be blank");
        assertThat(app.fieldError("items[0].unit_price")).contains("2 decimals");
        app.capture("order-form-invalid");

        // What only the server knows (ISO 4217 codes) comes back as a field error and lands next to the field too.
        app.fill("items[0].sku", "OK-1").fill("items[0].name", "Thing").fill("items[0].unit_price", "2.00")
                .fill("currency", "ABC").submit("Place order");
        assertThat(app.fieldError("currency")).contains("ISO 4217");
        assertThat(app.path()).isEqualTo("/orders/new");
        assertThat(Api.json(Orders.get(Accounts.accessToken(user.getString("email"), Accounts.PASSWORD),
                "/api/orders")).getInt("total")).isZero();
    }

    @Test
    void shouldShowTheWaitTimeWhenLoginsAreThrottled() {
        WebApp app = browser();
        JsonObject user = Accounts.newUser("throttled");
        app.go("/login").at("Log in");
        app.fill("email", user.getString("email"));
        String answer = "";
        for (int attempt = 0; attempt < 6 && !answer.startsWith("Too many attempts"); attempt++) {
            app.fill("password", "wrong-password-" + attempt).submit("Log in");
            app.waitUntil("an answer", () -> app.driver().findElement(By.cssSelector("form .alert")).isDisplayed());
            answer = app.alert();
        }
        assertThat(app.alert()).matches("Too many attempts\\. Try again in \\d+ (seconds|minutes)\\.");
        assertThat(app.find(By.cssSelector("button[type=submit]")).isEnabled()).isFalse();
        app.capture("login-throttled");
    }

    @Test
    void shouldRefuseAStaleEditAndOfferTheLatestVersion() {
        JsonObject user = Accounts.newUser("stale");
        String token = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        JsonObject order = Orders.place(token);
        WebApp app = browser();
        app.logIn(user.getString("email"), Accounts.PASSWORD);
        app.go("/orders/" + order.getString("id") + "/edit").atHeadingStartingWith("Edit order");

        HttpResponse<String> elsewhere = Accounts.sendJson(Accounts.authorized("/api/orders/" + order.getString("id"),
                token).header("If-Match", "\"" + order.getJsonNumber("version") + "\""), "PUT",
                Orders.VALID.replace("\"quantity\":3", "\"quantity\":7"));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);

        app.fill("items[0].quantity", "5").submit("Save changes");
        assertThat(app.alert()).contains("changed elsewhere");
        app.capture("order-edit-stale");
        app.click("Reload the latest version").atHeadingStartingWith("Edit order");
        app.waitUntil("the latest quantity",
                () -> "7".equals(app.find(By.name("items[0].quantity")).getAttribute("value")));
    }

    @Test
    void shouldNotReachAnotherUsersOrderByItsAddress() {
        JsonObject other = Orders.place(Orders.newCustomer("owner"));
        JsonObject user = Accounts.newUser("snoop");
        WebApp app = browser();
        app.logIn(user.getString("email"), Accounts.PASSWORD);
        app.go("/orders/" + other.getString("id")).atHeadingStartingWith("Order ");
        assertThat(app.find(By.cssSelector("main .state-empty")).getText()).contains("no such order among yours");
        assertThat(app.findAll(By.cssSelector(".total-value"))).isEmpty();
    }

    @Test
    void shouldKeepTheSessionAcrossAReloadWithoutStoringTheToken() {
        JsonObject user = Accounts.newUser("reload");
        JsonObject order = Orders.place(Accounts.accessToken(user.getString("email"), Accounts.PASSWORD));
        WebApp app = browser();
        app.logIn(user.getString("email"), Accounts.PASSWORD);
        app.go("/orders/" + order.getString("id")).atHeadingStartingWith("Order ");
        app.reload();
        app.atHeadingStartingWith("Order " + order.getString("id").substring(0, 8));
        assertThat(app.find(By.cssSelector(".user-name")).getText()).isEqualTo("Test reload");
        Map<?, ?> storage = (Map<?, ?>) app.driver().executeScript("return {local: localStorage.length, "
                + "session: sessionStorage.length, cookies: document.cookie}");
        assertThat(storage.get("local")).isEqualTo(0L);
        assertThat(storage.get("session")).isEqualTo(0L);
        assertThat((String) storage.get("cookies")).doesNotContain("refresh_token");
    }

    @Test
    void shouldSaySoWhenTheApiIsUnreachable() {
        JsonObject user = Accounts.newUser("offline");
        WebApp app = browser();
        app.logIn(user.getString("email"), Accounts.PASSWORD);
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        app.driver().setNetworkConditions(offline);
        app.select("status", "Pending");
        assertThat(app.find(By.cssSelector("main .state-error")).getText()).contains("The API is unreachable");
        app.capture("orders-unreachable");
        app.driver().deleteNetworkConditions();
        app.click("Retry");
        assertThat(app.find(By.cssSelector("main .state-empty")).getText()).contains("No orders match");
    }

    @Test
    void shouldLetAKeyboardUserLogInPlaceAndCancelAnOrder() {
        JsonObject user = Accounts.newUser("keyboard");
        WebApp app = browser();
        app.go("/login").at("Log in");
        app.tabTo("input[name=email]").type(user.getString("email"))
                .tabTo("input[name=password]").type(Accounts.PASSWORD, Keys.ENTER).at("Orders");
        app.tabTo("main a[href='/orders/new']").type(Keys.ENTER).at("New order");
        app.tabTo("input[name='items[0].sku']").type("KEY-1")
                .tabTo("input[name='items[0].name']").type("Keycap")
                .tabTo("input[name='items[0].unit_price']").type("1.25")
                .tabTo("button[type=submit]").type(Keys.ENTER).atHeadingStartingWith("Order ");
        app.tabTo("main button.cancel-order").type(Keys.ENTER);
        app.tabTo("dialog button[value=confirm]").type(Keys.ENTER);
        app.waitUntil("cancelled badge", () -> badge(app).equals("CANCELLED"));
    }

    record Line(String sku, String name, String quantity, String unitPrice) {
    }

    /** Fills the new-order form line by line, checks the running total shown, places it; returns its id. */
    private static String placeOrder(WebApp app, List<Line> lines, String expectedTotal) {
        app.clickNav("New order").at("New order");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                app.click("+ Add line");
            }
            Line line = lines.get(i);
            app.fill("items[" + i + "].sku", line.sku()).fill("items[" + i + "].name", line.name())
                    .fill("items[" + i + "].quantity", line.quantity())
                    .fill("items[" + i + "].unit_price", line.unitPrice());
        }
        assertThat(app.find(By.cssSelector(".total")).getText()).isEqualTo("Total: " + expectedTotal);
        if (lines.size() > 1) {
            app.capture("order-form");
        }
        app.submit("Place order").atHeadingStartingWith("Order ");
        assertThat(app.find(By.cssSelector(".total-value")).getText()).isEqualTo(expectedTotal);
        assertThat(badge(app)).isEqualTo("PENDING");
        return app.path().substring("/orders/".length());
    }

    private static String badge(WebApp app) {
        return app.find(By.cssSelector(".facts [data-status]")).getAttribute("data-status");
    }

    private static List<String> orderRows(WebApp app) {
        app.find(By.cssSelector("tr[data-order-id]"));
        return app.findAll(By.cssSelector("tr[data-order-id]")).stream()
                .map(row -> row.getAttribute("data-order-id")).toList();
    }
}
