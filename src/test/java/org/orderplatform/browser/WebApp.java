package org.orderplatform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Browser;

/**
 * The web app in a real headless Chromium, driven the way a user drives it: by labels, button texts and links. Every
 * screen a journey reaches is {@link #capture captured}: screenshots at desktop width and at 360 px under
 * {@code target/screenshots/}, and an axe-core accessibility check at both widths where serious and critical
 * violations fail the test. Each instance is one browser with its own cookies (one signed-in user).
 */
public final class WebApp implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1200, 1000);
    static final Dimension NARROW = new Dimension(360, 800);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String AXE_SCRIPT = axeScript();
    private static final Set<WebApp> OPEN = ConcurrentHashMap.newKeySet();

    private final ChromeDriver driver;
    private final URI base;
    private final String suite;
    private final WebDriverWait wait;

    private WebApp(URI base, String suite) {
        this.driver = Browser.start();
        this.base = base;
        this.suite = suite;
        // The app redraws a screen by replacing its nodes, so an element found a moment ago may be gone: look again.
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO); // only explicit waits: findAll answers at once
        driver.manage().window().setSize(DESKTOP);
        // Each browser is a client machine of its own, as for the API tests (Accounts): its failed logins never count
        // against another test's address. Behind nginx the proxy replaces the header with the real peer address.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-For", Accounts.randomClientAddress())));
        OPEN.add(this);
    }

    /** A browser on the app served at base; screenshots go to target/screenshots/suite/. */
    public static WebApp open(URI base, String suite) {
        return new WebApp(base, suite);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public URI base() {
        return base;
    }

    /** Loads a path as if typed into the address bar (a full page load: deep links, reloads). */
    public WebApp go(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /** Waits until the page heading reads heading (every screen has one h1, focused on arrival). */
    public WebApp at(String heading) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), heading));
        return this;
    }

    public WebApp atHeadingStartingWith(String prefix) {
        wait.until(driver -> driver.findElement(By.cssSelector("main h1")).getText().startsWith(prefix));
        return this;
    }

    public String heading() {
        return find(By.cssSelector("main h1")).getText();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public void waitUntil(String description, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).withMessage(description)
                .until(driver -> condition.getAsBoolean());
    }

    /** Clears and types into the control named name (the API's field path, e.g. items[0].sku). */
    public WebApp fill(String name, String value) {
        return fill(find(By.name(name)), value);
    }

    /** The same, in the form submitted by the button reading formButton (for pages with several forms). */
    public WebApp fill(String name, String value, String formButton) {
        return fill(find(inForm(name, formButton)), value);
    }

    private WebApp fill(WebElement control, String value) {
        control.clear();
        control.sendKeys(value);
        return this;
    }

    private static By inForm(String name, String formButton) {
        return By.xpath("//form[.//button[@type='submit' and normalize-space(.)='" + formButton + "']]//*[@name='"
                + name + "']");
    }

    public WebApp select(String name, String visibleText) {
        new Select(find(By.name(name))).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks the button or link in the page's main content that reads text (or is labelled so). */
    public WebApp click(String text) {
        return click(By.xpath("//main//*[(self::button or self::a) and (normalize-space(.)='" + text
                + "' or @aria-label='" + text + "')]"));
    }

    /** Answers the open confirmation dialog with its button reading text. */
    public WebApp confirm(String text) {
        return click(By.xpath("//dialog[@open]//button[normalize-space(.)='" + text + "']"));
    }

    public WebApp clickNav(String linkText) {
        return click(By.xpath("//header//a[normalize-space(.)='" + linkText + "'] | //header//button["
                + "normalize-space(.)='" + linkText + "']"));
    }

    /**
     * Finds, waits until clickable and clicks in one step, so a screen redrawn in between is simply looked at again.
     */
    public WebApp click(By by) {
        wait.until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
        return this;
    }

    /**
     * Presses Tab until the focused element matches css (failing after 80 presses: not reachable by keyboard), and
     * checks the focus is visible (an outline is drawn).
     */
    public WebApp tabTo(String css) {
        for (int presses = 0; presses < 80; presses++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(driver.executeScript("return document.activeElement.matches(arguments[0])", css))) {
                Object outline = driver.executeScript("const style = getComputedStyle(document.activeElement); "
                        + "return style.outlineStyle + ' ' + style.outlineWidth");
                assertThat((String) outline).as("visible focus on %s", css).doesNotStartWith("none")
                        .doesNotEndWith(" 0px");
                return this;
            }
        }
        throw new AssertionError(css + " is not reachable with the Tab key");
    }

    /** Types into (or presses keys on) the focused element. */
    public WebApp type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Submits the form whose submit button reads label. */
    public WebApp submit(String label) {
        return click(By.xpath("//button[@type='submit' and normalize-space(.)='" + label + "']"));
    }

    /** The message shown for the field named name (next to it), once there is one. */
    public String fieldError(String name) {
        return fieldError(find(By.name(name)), name);
    }

    /** The same, in the form submitted by the button reading formButton. */
    public String fieldError(String name, String formButton) {
        return fieldError(find(inForm(name, formButton)), name);
    }

    private String fieldError(WebElement control, String name) {
        WebElement error = driver.findElement(By.id(control.getAttribute("id") + "-error"));
        wait.until(ExpectedConditions.visibilityOf(error));
        assertThat(control.getAttribute("aria-invalid")).as("%s is marked invalid", name).isEqualTo("true");
        return error.getText();
    }

    /** The text of the visible form alert or error state. */
    public String alert() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("main [role=alert]:not([hidden])"))).getText();
    }

    public WebApp signUp(String fullName, String email, String password) {
        go("/signup").at("Create your account");
        fill("full_name", fullName).fill("email", email).fill("password", password).submit("Create account");
        return at("Orders");
    }

    public WebApp logIn(String email, String password) {
        go("/login").at("Log in");
        fill("email", email).fill("password", password).submit("Log in");
        return at("Orders");
    }

    public WebApp logOut() {
        clickNav("Log out");
        return at("Log in");
    }

    /**
     * Screenshots at desktop and 360 px width plus the accessibility check at both, named screen; and nothing the
     * Content-Security-Policy refused so far (the browser logs each refusal as an error).
     */
    public WebApp capture(String screen) {
        for (Dimension size : List.of(NARROW, DESKTOP)) {
            driver.manage().window().setSize(size);
            String width = size.equals(DESKTOP) ? "desktop" : "360px";
            screenshot(screen + "-" + width);
            assertAccessible(screen + " at " + width);
        }
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .as("Content-Security-Policy refusals up to %s", screen)
                .noneMatch(message -> message.contains("Content Security Policy"));
        return this;
    }

    public void screenshot(String name) {
        try {
            Path directory = SCREENSHOTS.resolve(suite);
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core in the page (WCAG 2.x A and AA rules): no serious or critical violation. */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String screen) {
        JavascriptExecutor js = driver;
        js.executeScript(AXE_SCRIPT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                    .then(results => done(results.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' - '
                            + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                    .catch(error => done(['axe failed: ' + error]));
                """);
        assertThat((List<String>) result).as("accessibility violations on %s", screen).isEmpty();
    }

    /** Screenshots of every open browser, named after a failed test (see {@link ScreenshotOnFailure}). */
    static void screenshotAll(String name) {
        for (WebApp app : OPEN) {
            app.screenshot("FAILED-" + name + "-" + Integer.toHexString(System.identityHashCode(app)));
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        driver.quit();
    }

    private static String axeScript() {
        try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
