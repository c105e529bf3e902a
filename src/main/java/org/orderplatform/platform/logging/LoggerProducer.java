package org.orderplatform.platform.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.logging.Logger;

/**
 * {@code @Inject Logger log;} gives a java.util.logging logger named after the injecting class whose records
 * carry the current request id (Liberty renders them as JSON on stdout).
 */
@ApplicationScoped
public class LoggerProducer {

    private final RequestIdLogFilter requestIdFilter = new RequestIdLogFilter();

    @Produces
    Logger logger(InjectionPoint injectionPoint) {
        Logger logger = Logger.getLogger(injectionPoint.getMember().getDeclaringClass().getName());
        logger.setFilter(requestIdFilter);
        return logger;
    }
}
