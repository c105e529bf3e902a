package org.orderplatform.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extra replicas of one processing test ({@code @RegisterExtension}): before the test, the backlog other tests
 * left is set aside ({@link Processing#setAsideBacklog()}); after it, every replica it started is stopped.
 */
public final class Replicas implements BeforeEachCallback, AfterEachCallback {

    private final List<ExtraServer> started = new ArrayList<>();

    /** Starts a replica with these settings; it is stopped after the test. */
    public ExtraServer start(String name, Map<String, String> settings) {
        ExtraServer server = ExtraServer.start(name, settings);
        started.add(server);
        return server;
    }

    /** Starts a replica as {@link ExtraServer#startWithEnvironment} does; it is stopped after the test. */
    public ExtraServer startWithEnvironment(String name, Map<String, String> environment, String jvmOptions) {
        ExtraServer server = ExtraServer.startWithEnvironment(name, environment, jvmOptions);
        started.add(server);
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Processing.setAsideBacklog();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ExtraServer::stop);
        started.clear();
    }
}
