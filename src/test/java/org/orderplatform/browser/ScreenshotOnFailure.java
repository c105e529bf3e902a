package org.orderplatform.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** On a failing browser test, a screenshot of every open browser before it closes: what the user saw at the end. */
class ScreenshotOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        WebApp.screenshotAll(context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName());
        throw failure;
    }
}
