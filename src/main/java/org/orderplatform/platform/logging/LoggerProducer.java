package org.orderplatform.platform.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.logging.Logger;

/**
 * {@code @Inject Logger log;} gives a java.util.logging logger named after the injecting class. Liberty renders
 * its records as JSON on stdout, those written while a request is handled with the request id as a field
 * (see {@code RequestIds}).
 */
@ApplicationScoped
public class LoggerProducer {

    @Produces
    Logger logger(InjectionPoint injectionPoint) {
        return Logger.getLogger(injectionPoint.getMember().getDeclaringClass().getName());
    }
}
