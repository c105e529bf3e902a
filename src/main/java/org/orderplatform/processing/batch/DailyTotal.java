package org.orderplatform.processing.batch;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Orders of one day (UTC), status and currency: how many, and what they add up to. */
public record DailyTotal(LocalDate day, String status, String currency, long orders, BigDecimal revenue)
        implements Serializable {
}
