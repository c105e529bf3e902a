package org.orderplatform.devservices;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java agent for the local Liberty JVM: starts real PostgreSQL and Redis before the server, so that
 * {@code ./mvnw liberty:run} and the integration-test server need nothing installed. Only the dev and test
 * servers get it (pom.xml adds {@code -javaagent}); it is never part of the WAR or the container image.
 *
 * <p>The embedded-database libraries are loaded in an isolated class loader from the classpath file the build
 * writes next to this jar, so nothing leaks into the server's own class path.
 */
public final class DevServicesAgent {

    static final String CLASSPATH_FILE = "dev-services.classpath";

    private DevServicesAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        Path agentJar = Path.of(DevServicesAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = new URLClassLoader("dev-services", classpath(agentJar),
                ClassLoader.getPlatformClassLoader());
        Class<?> services = Class.forName(DevServicesAgent.class.getPackageName() + ".DevServices", true, loader);
        services.getMethod("launch", String.class).invoke(null, arguments);
    }

    private static URL[] classpath(Path agentJar) throws IOException {
        Path file = agentJar.resolveSibling(CLASSPATH_FILE);
        List<URL> urls = new ArrayList<>();
        urls.add(agentJar.toUri().toURL());
        for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(toUrl(Path.of(entry)));
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL toUrl(Path path) throws MalformedURLException {
        return path.toUri().toURL();
    }
}
