package org.orderplatform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;

/**
 * The superuser's journey through the admin screens in a real browser, clicked as an operator clicks them: find a
 * fresh user and deactivate, activate, promote and demote them; clear the lockout their failed logins caused; watch
 * the queue and replay a dead letter; run the report job and follow it to COMPLETED; read the report's chart and
 * download its CSV. Every change the screens claim is checked against the API. Run through both servers by
 * {@link WebAppJourneysIT} and {@link WebAppJourneysThroughNginxIT}.
 */
@ExtendWith(ScreenshotOnFailure.class)
abstract class AdminJourneys {

    /** Where the app is served. */
    abstract URI base();

    /** Screenshot folder under target/screenshots. */
    abstract String suite();


    private WebApp app;

    @AfterEach
    void closeBrowser() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldTakeASuperuserThroughUsersLockoutQueueJobsAndReport(@TempDir Path downloads) throws Exception {
        String admin = Accounts.superuserToken();
        JsonObject target = Accounts.newUser("admin-journey");
        String email = target.getString("email");
        long userId = target.getJsonNumber("id").longValue();

        app = WebApp.open(base(), suite());
        app.logIn(Accounts.SUPERUSER_EMAIL, Accounts.SUPERUSER_PASSWORD);
        app.clickNav("Users").at("Users").capture("users");

        // Search: submitted with Enter, kept in the URL, so a reload shows the same list.
        app.fill("q", email).type(Keys.ENTER);
        app.waitUntil("only " + email + " listed", () -> rows(app).equals(List.of(email)));
        app.reload();
        app.at("Users");
        app.waitUntil("the search survives a reload", () -> rows(app).equals(List.of(email)));
        assertThat(app.find(By.name("q")).getAttribute("value")).isEqualTo(email);

        app.click("Deactivate " + email).capture("users-confirm-deactivate");
        app.confirm("Deactivate");
        awaitRow(app, email, "data-active", "false");
        assertThat(user(admin, userId).getBoolean("is_active")).isFalse();
        assertThat(announcement(app)).contains(email, "deactivated");
        app.click("Activate " + email);
        awaitRow(app, email, "data-active", "true");
        assertThat(user(admin, userId).getBoolean("is_active")).isTrue();

        app.click("Promote " + email);
        awaitRow(app, email, "data-superuser", "true");
        assertThat(user(admin, userId).getBoolean("is_superuser")).isTrue();
        app.click("Demote " + email).confirm("Demote");
        awaitRow(app, email, "data-superuser", "false");
        assertThat(user(admin, userId).getBoolean("is_superuser")).isFalse();

        // Lockout: failed logins from one address, read in the panel, then cleared.
        String address = Accounts.randomClientAddress();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(Accounts.login(email, "not-the-password", address).statusCode()).isEqualTo(401);
        }
        long failed = lockout(admin, userId).getJsonNumber("failed_attempts").longValue();
        assertThat(failed).isPositive();
        app.click("Lockout of " + email);
        app.waitUntil("the lockout panel shows " + failed + " failed attempts",
                () -> text(app, "[data-fact=failed-attempts]").equals(Long.toString(failed)));
        app.tabTo("button[data-action=clear-lockout]");
        app.capture("users-lockout");
        app.type(Keys.ENTER);
        app.waitUntil("the panel reads the cleared state", () -> text(app, "[data-fact=failed-attempts]").equals("0"));
        assertThat(announcement(app)).contains("cleared");
        assertThat(lockout(admin, userId).getJsonNumber("failed_attempts").longValue()).isZero();
        assertThat(Accounts.login(email, Accounts.PASSWORD, address).statusCode()).isEqualTo(200);

        // Queue: a dead letter (the test server runs no worker, so it is made as a worker would leave it).
        String orderId = Orders.place(Orders.newCustomer("admin-dead-letter")).getString("id");
        long deadLetter = Processing.buryJobOf(orderId);
        app.clickNav("Queue").at("Queue");
        String deadLetterRow = "tr[data-dead-letter-id='" + deadLetter + "']";
        assertThat(app.find(By.cssSelector(deadLetterRow)).getAttribute("data-order-id")).isEqualTo(orderId);
        assertThat(Long.parseLong(
                app.find(By.cssSelector("[data-stat=dead_letters] .value")).getAttribute("data-value")))
                .isPositive();
        String updated = text(app, ".queue-updated");
        app.waitUntil("the figures refresh by themselves", () -> !text(app, ".queue-updated").equals(updated));
        app.capture("queue");
        app.click(By.cssSelector(deadLetterRow + " button[data-action=replay]"));
        app.waitUntil("the replayed dead letter leaves the list",
                () -> app.findAll(By.cssSelector(deadLetterRow)).isEmpty());
        assertThat(announcement(app)).contains(orderId.substring(0, 8), "queued again");
        assertThat(Processing.history(orderId)).as("the order went back to processing").contains("FAILED>PENDING");

        // Jobs: started here and followed to its end, live.
        app.clickNav("Jobs").at("Batch jobs").capture("jobs");
        app.click("Start Daily order report");
        String run = "table.executions tr[data-job=order-report]";
        app.waitUntil("the report run completes", () -> app.findAll(By.cssSelector(run + "[data-status=COMPLETED]"))
                .size() == 1);
        assertThat(app.find(By.cssSelector(run + " [role=status]")).getText()).contains("Completed");
        String executionId = app.find(By.cssSelector(run)).getAttribute("data-execution-id");
        assertThat(Api.json(Orders.get(admin, "/api/admin/jobs/executions/" + executionId)).getString("batch_status"))
                .isEqualTo("COMPLETED");
        app.capture("jobs-run");

        // Report: the last 30 days by default, drawn as a chart, every figure in the table, and the CSV.
        app.click("See the report").at("Daily report");
        // The period as the page chose it (its "today" is the browser's UTC day: read, not recomputed at another
        // moment).
        String today = app.find(By.name("to")).getAttribute("value");
        String from = app.find(By.name("from")).getAttribute("value");
        assertThat(LocalDate.parse(from)).isEqualTo(LocalDate.parse(today).minusDays(29));
        assertThat(LocalDate.parse(today))
                .isBetween(LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC));
        WebElement chart = app.find(By.cssSelector("svg.chart[role=img]"));
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(30);
        assertThat(app.find(By.id(chart.getAttribute("aria-labelledby"))).getAttribute("textContent"))
                .startsWith("Orders per day");
        assertThat(app.findAll(By.cssSelector("table.report-days tr[data-day='" + today + "']"))).isNotEmpty();
        app.capture("report");

        app.driver().executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        app.click("Download CSV");
        Path csv = downloads.resolve("orders-report-" + from + "-" + today + ".csv");
        app.waitUntil(csv + " downloaded", () -> Files.isRegularFile(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("day,status,currency,orders,revenue");
        assertThat(lines.subList(1, lines.size())).as("one line per row of the page's table")
                .hasSize(app.findAll(By.cssSelector("table.report-days tbody tr")).size())
                .anyMatch(line -> line.startsWith(today + ","));
    }

    /** The emails of the listed users, in order. */
    private static List<String> rows(WebApp app) {
        try {
            return app.findAll(By.cssSelector("table.admin-users tbody tr")).stream()
                    .map(row -> row.getAttribute("data-user-email")).toList();
        } catch (StaleElementReferenceException redrawn) {
            return List.of();
        }
    }

    /** Waits until the user's row (redrawn after each change) has the attribute at value. */
    private static void awaitRow(WebApp app, String email, String attribute, String value) {
        app.waitUntil(email + " " + attribute + "=" + value, () -> {
            try {
                return app.findAll(By.cssSelector("tr[data-user-email='" + email + "']")).stream()
                        .anyMatch(row -> value.equals(row.getAttribute(attribute)));
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    private static String text(WebApp app, String css) {
        try {
            return app.findAll(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    /** What the page last said to screen readers (the polite announcer). */
    private static String announcement(WebApp app) {
        return app.find(By.id("announcer")).getAttribute("textContent");
    }

    private static JsonObject user(String token, long id) {
        return Api.json(Orders.get(token, "/api/users/" + id));
    }

    private static JsonObject lockout(String token, long id) {
        return Api.json(Orders.get(token, "/api/users/" + id + "/lockout"));
    }
}
