package org.orderplatform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Browser;

/**
 * What a learner does first in the OpenAPI UI: Authorize with email and password (the OAuth2 password flow posts
 * the login form), then try an endpoint that needs the token - in a real browser.
 */
class OpenApiUiAuthorizeIT {

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldAuthorizeWithEmailAndPasswordAndCallAProtectedEndpoint() {
        JsonObject user = Accounts.newUser("swagger");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Api.BASE.resolve("/openapi/ui/").toString());

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")))
                .sendKeys(user.getString("email"));
        browser.findElement(By.id("oauth_password")).sendKeys(Accounts.PASSWORD);
        browser.findElement(By.xpath("//h4[starts-with(normalize-space(.), 'password')]/ancestor::div"
                + "[contains(@class,'auth-container')]//button[contains(@class,'authorize')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-ux"), "Authorized"));
        browser.findElement(By.cssSelector(".modal-ux .btn-done, .modal-ux button.close-modal")).click();

        WebElement me = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-users-get_api_users_me .opblock-summary")));
        me.click();
        WebElement operation = browser.findElement(By.id("operations-users-get_api_users_me"));
        wait.until(ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector("button.try-out__btn"))))
                .click();
        operation.findElement(By.cssSelector("button.execute")).click();

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-users-get_api_users_me .live-responses-table tbody .response-col_status")));
        assertThat(result.getText().trim()).isEqualTo("200");
        assertThat(browser.findElement(By.cssSelector("#operations-users-get_api_users_me .live-responses-table"))
                .getText()).contains(user.getString("email"));
    }
}
