package org.orderplatform.user;

import org.orderplatform.platform.web.problem.ProblemType;

/** The refusals of the accounts feature (see docs/errors.md). */
public final class UserProblem {

    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("/problems/invalid-credentials", "Invalid credentials", 401);
    public static final ProblemType ACCOUNT_DISABLED =
            new ProblemType("/problems/account-disabled", "Account disabled", 403);
    public static final ProblemType WRONG_CURRENT_PASSWORD =
            new ProblemType("/problems/wrong-current-password", "Wrong current password", 403);
    public static final ProblemType EMAIL_TAKEN =
            new ProblemType("/problems/email-taken", "Email already registered", 409);
    public static final ProblemType PASSWORD_CHANGED =
            new ProblemType("/problems/password-changed", "Password changed meanwhile", 409);
    public static final ProblemType CANNOT_DELETE_SELF =
            new ProblemType("/problems/cannot-delete-self", "Cannot delete yourself", 409);
    public static final ProblemType LAST_SUPERUSER = new ProblemType("/problems/last-superuser", "Last superuser", 409);
    /** No turn to check or hash a password in time ({@link PasswordHasher}). */
    public static final ProblemType BUSY = new ProblemType("/problems/busy", "Too busy", 503);

    private UserProblem() {
    }
}
