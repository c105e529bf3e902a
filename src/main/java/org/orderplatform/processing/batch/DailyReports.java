package org.orderplatform.processing.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The daily order report: computing it from the orders, storing it, reading it back. */
@ApplicationScoped
public class DailyReports {

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    /** Every day, status and currency that has orders, from the orders table. */
    @SuppressWarnings("unchecked")
    public List<DailyTotal> aggregate() {
        List<Object[]> rows = em.createNativeQuery("SELECT (created_at AT TIME ZONE 'UTC')::date AS day, status, "
                + "currency, count(*), sum(total) FROM orders GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").getResultList();
        return rows.stream().map(DailyReports::total).toList();
    }

    public void store(DailyTotal total, long instanceId) {
        em.createNativeQuery("INSERT INTO order_daily_report (day, status, currency, order_count, revenue, "
                        + "generated_at, job_instance_id) VALUES (?, ?, ?, ?, ?, now(), ?) "
                        + "ON CONFLICT (day, status, currency) DO UPDATE SET order_count = EXCLUDED.order_count, "
                        + "revenue = EXCLUDED.revenue, generated_at = EXCLUDED.generated_at, "
                        + "job_instance_id = EXCLUDED.job_instance_id")
                .setParameter(1, Date.valueOf(total.day())).setParameter(2, total.status())
                .setParameter(3, total.currency()).setParameter(4, total.orders()).setParameter(5, total.revenue())
                .setParameter(6, instanceId)
                .executeUpdate();
    }

    /** Removes the rows that job instance {@code instanceId} did not write; how many. */
    public int removeAllBut(long instanceId) {
        return em.createNativeQuery("DELETE FROM order_daily_report WHERE job_instance_id <> ?")
                .setParameter(1, instanceId).executeUpdate();
    }

    /** The stored report for the days from {@code from} to {@code to}, both included. */
    @SuppressWarnings("unchecked")
    public List<DailyTotal> between(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT day, status, currency, order_count, revenue "
                        + "FROM order_daily_report WHERE day BETWEEN ? AND ? ORDER BY day, status, currency")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to))
                .getResultList();
        return rows.stream().map(DailyReports::total).toList();
    }

    private static DailyTotal total(Object[] row) {
        LocalDate day = row[0] instanceof Date date ? date.toLocalDate() : LocalDate.parse(row[0].toString());
        return new DailyTotal(day, row[1].toString(), row[2].toString().trim(), ((Number) row[3]).longValue(),
                ((BigDecimal) row[4]).setScale(2));
    }
}
