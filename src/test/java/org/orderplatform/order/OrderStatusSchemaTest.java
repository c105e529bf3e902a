package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database's {@code orders_status_known} CHECK constraint must accept exactly the statuses {@link OrderStatus}
 * declares: a new status needs a new changeset that replaces the constraint, and this says so before any server
 * starts. The last changeset (in the master changelog's order) that defines the constraint is the one in force.
 */
class OrderStatusSchemaTest {

    private static final String CHANGELOG = "/db/changelog/";
    private static final Pattern INCLUDE = Pattern.compile("<include file=\"([^\"]+)\"");
    private static final Pattern CHECK = Pattern.compile("orders_status_known\\s+CHECK\\s*\\(\\s*status\\s+IN\\s*"
            + "\\(([^)]*)\\)");

    @Test
    void shouldAcceptInTheDatabaseExactlyTheStatusesTheEnumDeclares() throws IOException {
        List<String> inForce = List.of();
        Matcher includes = INCLUDE.matcher(read(CHANGELOG + "db.changelog-master.xml"));
        while (includes.find()) {
            Matcher check = CHECK.matcher(read(CHANGELOG + includes.group(1)));
            while (check.find()) {
                inForce = literals(check.group(1));
            }
        }

        assertThat(inForce).as("statuses the orders_status_known constraint accepts")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
    }

    @Test
    void shouldFitEveryStatusInTheStatusColumns() {
        assertThat(OrderStatus.values()).allSatisfy(status -> assertThat(status.name()).hasSizeLessThanOrEqualTo(20));
    }

    private static List<String> literals(String list) {
        List<String> names = new ArrayList<>();
        Matcher literal = Pattern.compile("'([^']*)'").matcher(list);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        return names;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = OrderStatusSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
