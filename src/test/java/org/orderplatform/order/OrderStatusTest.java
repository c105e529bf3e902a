package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderplatform.order.OrderStatus.CANCELLED;
import static org.orderplatform.order.OrderStatus.COMPLETED;
import static org.orderplatform.order.OrderStatus.FAILED;
import static org.orderplatform.order.OrderStatus.PENDING;
import static org.orderplatform.order.OrderStatus.PROCESSING;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    /** The life of an order, written out as the API and processing expect it. */
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(PROCESSING, FAILED, CANCELLED),
            PROCESSING, EnumSet.of(COMPLETED, FAILED),
            COMPLETED, EnumSet.noneOf(OrderStatus.class),
            FAILED, EnumSet.of(PENDING),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void shouldAllowExactlyTheMovesOfAnOrdersLife() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void shouldLetTheApiChangeAndCancelOnlyPendingOrders() {
        assertThat(EnumSet.allOf(OrderStatus.class)).filteredOn(OrderStatus::isEditable).containsExactly(PENDING);
        assertThat(EnumSet.allOf(OrderStatus.class)).filteredOn(OrderStatus::isCancellable).containsExactly(PENDING);
    }

    @Test
    void shouldNotDeleteAnOrderAWorkerHolds() {
        assertThat(EnumSet.allOf(OrderStatus.class)).filteredOn(status -> !status.isDeletable())
                .containsExactly(PROCESSING);
    }

    @Test
    void shouldListTheStatusesAwaitingProcessingAsSqlLiterals() {
        assertThat(OrderStatus.sqlList(OrderStatus::awaitsProcessing)).isEqualTo("'PENDING', 'PROCESSING'");
        assertThat(OrderStatus.sqlList(status -> false)).isEmpty();
    }

    @Test
    void shouldRefuseToMoveAnOrderAlongAMoveTheRulesDoNotAllow() {
        Order order = new Order(7, List.of(new OrderLine("SKU-1", "Tea", 2, new BigDecimal("3.50"))), "EUR", null);
        order.cancel("cancelled by the owner");

        assertThatThrownBy(() -> order.moveTo(PROCESSING, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CANCELLED").hasMessageContaining("PROCESSING");
        assertThat(order.status()).isEqualTo(CANCELLED);
    }
}
