package org.orderplatform.platform.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, for per-client limits (login and registration throttling). By default
 * no proxy is trusted and the client is the connection's peer: set {@code TRUSTED_PROXIES} to your ingress or load
 * balancer only, never to whole private ranges - any pod or VPN client there could then name its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    private final TrustedProxies proxies;

    @Inject
    ClientAddresses(@ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = " ") String trustedProxies,
                    Logger log) {
        this.proxies = TrustedProxies.parse(trustedProxies);
        if (proxies.trustsAny()) {
            log.info("X-Forwarded-For is believed from TRUSTED_PROXIES=" + trustedProxies.trim());
        }
    }

    ClientAddresses() {
        this.proxies = TrustedProxies.parse("");
    }

    public IpAddress of(HttpServletRequest request) {
        IpAddress peer = IpAddress.parse(request.getRemoteAddr()).orElseThrow(() -> new IllegalStateException(
                "the container reported a peer that is not an IP address: " + request.getRemoteAddr()));
        return proxies.client(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
