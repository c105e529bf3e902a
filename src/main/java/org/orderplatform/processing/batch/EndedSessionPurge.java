package org.orderplatform.processing.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.orderplatform.processing.ProcessingSettings;

/** order-reconciliation's step that deletes login sessions ended longer than REFRESH_SESSION_RETENTION_DAYS ago. */
@Named("endedSessionPurge")
@Dependent
public class EndedSessionPurge extends BoundedPurge {

    @Inject
    ProcessingSettings settings;

    @Override
    int deleteBatch(int limit) {
        return purges.endedSessions(settings.refreshSessionRetention(), limit);
    }

    @Override
    String what() {
        return "login sessions that ended more than " + settings.refreshSessionRetention().toDays() + " days ago";
    }
}
