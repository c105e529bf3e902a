package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.place;
import static org.orderplatform.testsupport.Orders.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.Orders;

/** Object-level authorization: nobody reaches another user's order - it does not exist for them (404). */
class OrderAccessIT {

    @Test
    void shouldHideAnotherUsersOrderOnEveryEndpoint() {
        String alice = newCustomer("alice");
        String mallory = newCustomer("mallory");
        JsonObject order = place(alice);
        String path = "/api/orders/" + order.getString("id");

        assertProblem(get(mallory, path), 404, path);
        assertProblem(Accounts.sendJson(Accounts.authorized(path, mallory), "PUT", Orders.VALID), 404, path);
        assertProblem(send(mallory, path, "DELETE"), 404, path);
        assertProblem(send(mallory, path + "/cancel", "POST"), 404, path + "/cancel");
        assertThat(OrdersIT.ids(Api.json(get(mallory, "/api/orders")))).doesNotContain(order.getString("id"));

        assertThat(Api.json(get(alice, path))).as("untouched").isEqualTo(order);
    }

    @Test
    void shouldRefuseOtherUsersListsToNonSuperusers() {
        String mallory = newCustomer("snoop");

        assertProblem(get(mallory, "/api/orders?owner_id=1"), 403, "/api/orders");
        assertProblem(get(mallory, "/api/orders?all=true"), 403, "/api/orders");
    }

    @Test
    void shouldLetSuperuserSeeAndActOnAnyOrder() {
        JsonObject alice = Accounts.newUser("owner");
        String aliceToken = Accounts.accessToken(alice.getString("email"), Accounts.PASSWORD);
        JsonObject order = place(aliceToken);
        String path = "/api/orders/" + order.getString("id");
        String admin = Accounts.superuserToken();

        assertThat(Api.json(get(admin, path)).getString("id")).isEqualTo(order.getString("id"));
        JsonObject hers = Api.json(get(admin, "/api/orders?owner_id=" + alice.getInt("id")));
        assertThat(OrdersIT.ids(hers)).containsExactly(order.getString("id"));
        assertThat(Api.json(get(admin, "/api/orders?all=true&size=100")).getInt("total")).isGreaterThanOrEqualTo(1);
        assertThat(Api.json(send(admin, path + "/cancel", "POST")).getString("status")).isEqualTo("CANCELLED");
        assertThat(Api.json(get(aliceToken, path)).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void shouldRefuseToDeleteOrderBeingProcessed() throws SQLException {
        String token = newCustomer("busy");
        String id = place(token).getString("id");
        String path = "/api/orders/" + id;
        Database.update("UPDATE orders SET status = 'PROCESSING' WHERE id = ?::uuid", id);

        assertProblem(send(token, path, "DELETE"), 409, path);
        assertProblem(send(token, path + "/cancel", "POST"), 409, path + "/cancel");
        assertThat(Api.json(get(token, path)).getString("status")).isEqualTo("PROCESSING");
    }
}
