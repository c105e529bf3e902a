package org.orderplatform.order;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.orderplatform.platform.db.PostgresTimestamps;

/** An order: its lines, total and status. Never serialized: the API shows {@link OrderView}. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(length = 2000)
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Column(nullable = false, precision = 21, scale = 2)
    private BigDecimal total;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Order() {
        // for JPA
    }

    Order(long ownerId, List<OrderLine> lines, String currency, String notes) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.status = OrderStatus.PENDING;
        this.createdAt = PostgresTimestamps.now();
        replace(lines, currency, notes);
    }

    /** New content for a pending order; the total is recomputed. */
    void replace(List<OrderLine> newLines, String newCurrency, String newNotes) {
        lines.clear();
        lines.addAll(newLines);
        currency = newCurrency;
        notes = newNotes;
        total = linesTotal();
        updatedAt = PostgresTimestamps.now();
    }

    void cancel(String reason) {
        moveTo(OrderStatus.CANCELLED, reason);
    }

    /** The total its lines add up to now (processing re-checks it before completing the order). */
    BigDecimal linesTotal() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void complete(BigDecimal finalTotal) {
        moveTo(OrderStatus.COMPLETED, null);
        total = finalTotal;
    }

    /** Callers check {@link OrderStatus#mayMoveTo} first: a move it does not allow here is a bug, not a refusal. */
    void moveTo(OrderStatus next, String reason) {
        if (!status.mayMoveTo(next)) {
            throw new IllegalStateException("An order cannot move from " + status + " to " + next);
        }
        status = next;
        statusReason = reason;
        updatedAt = PostgresTimestamps.now();
    }

    public UUID id() {
        return id;
    }

    public long ownerId() {
        return ownerId;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public String currency() {
        return currency;
    }

    public String notes() {
        return notes;
    }

    public OrderStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public BigDecimal total() {
        return total;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
