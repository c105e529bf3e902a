package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses an {@code Accept} header whose quality values are not numbers from 0 to 1 ({@code q=abc}, {@code q=2})
 * with 400, before JAX-RS matches the request: the runtime fails on them while choosing a method, with an error
 * that only our catch-all would see - as a 500.
 */
@Provider
@PreMatching
@ApplicationScoped
public class AcceptHeaderFilter implements ContainerRequestFilter {

    /** RFC 9110 §12.4.2: "0" or "1" with up to three decimals, at most 1. */
    private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext context) {
        for (String accept : context.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            for (String range : accept.split(",")) {
                for (String parameter : range.split(";")) {
                    String[] pair = parameter.split("=", 2);
                    if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("q")
                            && !QUALITY.matcher(pair[1].trim()).matches()) {
                        throw new BadRequestException("Accept has a quality (q) that is not a number from 0 to 1");
                    }
                }
            }
        }
    }
}
