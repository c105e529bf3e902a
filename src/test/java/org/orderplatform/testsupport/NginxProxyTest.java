package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped webapp/nginx.conf still has every line NginxProxy makes local - checked without nginx. */
class NginxProxyTest {

    private static final Path DIR = Path.of("/run/nginx-test");

    @Test
    void shouldMakeEveryMachineSpecificLineOfTheShippedConfigLocal() throws IOException {
        String local = NginxProxy.localConfig(Files.readString(NginxProxy.CONFIG), 19080, 18080, DIR);

        assertThat(local).contains("server 127.0.0.1:19080;", "listen 127.0.0.1:18080;",
                "root " + WebAssets.ROOT.toAbsolutePath() + ";", "pid /run/nginx-test/nginx.pid;",
                "proxy_temp_path /run/nginx-test/proxy_temp;",
                "client_body_temp_path /run/nginx-test/client_body_temp;");
        assertThat(local).doesNotContain("pid /tmp/", "_temp_path /tmp/", "backend:9080", "listen 8080",
                "/usr/share/nginx/html");
    }

    @Test
    void shouldFailLoudlyWhenALineItExpectsIsGone() throws IOException {
        String drifted = Files.readString(NginxProxy.CONFIG).replace("listen 8080;", "listen 8081;");

        assertThatThrownBy(() -> NginxProxy.localConfig(drifted, 19080, 18080, DIR))
                .hasMessageContaining("listen 8080;");
    }
}
