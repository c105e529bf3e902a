package org.orderplatform.user;

import org.orderplatform.platform.web.ProblemType;

/** The refusals of the accounts feature (see docs/errors.md). */
public enum UserProblem implements ProblemType {
    INVALID_CREDENTIALS("/problems/invalid-credentials", "Invalid credentials", 401),
    ACCOUNT_DISABLED("/problems/account-disabled", "Account disabled", 403),
    WRONG_CURRENT_PASSWORD("/problems/wrong-current-password", "Wrong current password", 403),
    EMAIL_TAKEN("/problems/email-taken", "Email already registered", 409),
    PASSWORD_CHANGED("/problems/password-changed", "Password changed meanwhile", 409),
    CANNOT_DELETE_SELF("/problems/cannot-delete-self", "Cannot delete yourself", 409),
    LAST_SUPERUSER("/problems/last-superuser", "Last superuser", 409),
    /** No turn to check or hash a password in time ({@link PasswordHasher}). */
    BUSY("/problems/busy", "Too busy", 503);

    private final String uri;
    private final String title;
    private final int status;

    UserProblem(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
