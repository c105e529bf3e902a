package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line totals and order totals: exact, in the currency's cents, recomputed whenever the lines change. */
class OrderTest {

    @Test
    void shouldComputeALineTotalExactlyFromQuantityAndUnitPrice() {
        OrderLine line = line(3, "0.10");

        assertThat(line.lineTotal()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void shouldKeepCentsOnPricesSentWithFewerDecimals() {
        assertThat(line(2, "19.9").unitPrice()).isEqualTo(new BigDecimal("19.90"));
        assertThat(line(2, "19.9").lineTotal()).isEqualTo(new BigDecimal("39.80"));
        assertThat(line(1, "5").lineTotal()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void shouldNeverRoundAPriceWithFractionsOfACent() {
        // validation refuses more than 2 decimals first; should one slip through, it fails instead of being rounded
        assertThatThrownBy(() -> line(1, "0.125")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldComputeTheLargestLinesWithoutOverflow() {
        assertThat(line(10_000, "9999999999.99").lineTotal()).isEqualTo(new BigDecimal("99999999999900.00"));
    }

    @Test
    void shouldAddUpItsLinesToItsTotal() {
        Order order = order(List.of(line(3, "0.10"), line(1, "0.20"), line(2, "1234.56")), "EUR");

        assertThat(order.total()).isEqualTo(new BigDecimal("2469.62"));
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void shouldRecomputeTheTotalWhenItsLinesAreReplaced() {
        Order order = order(List.of(line(1, "10.00"), line(1, "5.00")), "USD");

        order.replace(List.of(line(4, "2.50")), "GBP", "gift");

        assertThat(order.total()).isEqualTo(new BigDecimal("10.00"));
        assertThat(order.lines()).extracting(OrderLine::lineTotal).containsExactly(new BigDecimal("10.00"));
        assertThat(order.currency()).isEqualTo("GBP");
        assertThat(order.notes()).isEqualTo("gift");
    }

    private static OrderLine line(int quantity, String unitPrice) {
        return new OrderLine("SKU-1", "Widget", quantity, new BigDecimal(unitPrice));
    }

    private static Order order(List<OrderLine> lines, String currency) {
        return new Order(42, lines, currency, null);
    }
}
