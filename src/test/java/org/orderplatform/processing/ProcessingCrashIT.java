package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * A worker replica stopped while it holds jobs. Killed (SIGKILL): after it restarts, every order reaches a terminal
 * state, and none went through any status twice. Stopped normally: it holds on to nothing - jobs in progress
 * finish or go back to the queue at once, not when their lease runs out.
 */
class ProcessingCrashIT {

    static final int ORDERS = 20;

    @RegisterExtension
    final Replicas replicas = new Replicas();




    @Test
    void shouldFinishEveryOrderExactlyOnceAfterTheWorkerIsKilledMidJob() throws Exception {
        ExtraServer worker = replicas.start("crashingWorker", Processing.fast("APP_ROLE", "worker",
                "FULFILMENT_DELAY_MS", "400", "WORKER_CONCURRENCY", "2"));
        List<String> ids = placeOrdersAndAwaitProcessing("crash");

        worker.kill();

        assertThat(Processing.count(ids, "COMPLETED")).as("the kill came mid-way").isLessThan(ORDERS);
        try (Jedis redis = TestRedis.connect()) {
            assertThat(redis.llen("orders:jobs:in-flight")).as("jobs the dead worker held").isPositive();
        }

        worker.start();

        Processing.assertAllCompletedOnce(ids);
        assertThat(Database.queryString("SELECT count(*) FROM order_jobs WHERE order_id = ANY (?::uuid[]) "
                + "AND state = 'DONE'", "{" + String.join(",", ids) + "}")).isEqualTo(Integer.toString(ORDERS));
        await("in-flight list emptied").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Jedis redis = TestRedis.connect()) {
                assertThat(redis.llen("orders:jobs:in-flight")).isZero();
            }
        });
    }

    @Test
    void shouldHoldNoJobAfterANormalStop() throws Exception {
        ExtraServer worker = replicas.start("stoppingWorker", Processing.fast("APP_ROLE", "worker",
                "FULFILMENT_DELAY_MS", "3000", "JOB_LEASE_SECONDS", "10", "WORKER_CONCURRENCY", "2",
                "WORKER_SHUTDOWN_GRACE_SECONDS", "1"));
        List<String> ids = placeOrdersAndAwaitProcessing("stop");

        worker.stop();

        try (Jedis redis = TestRedis.connect()) {
            assertThat(redis.llen("orders:jobs:in-flight")).as("jobs still held by the stopped worker").isZero();
            assertThat(redis.llen("orders:jobs:queue")).as("jobs waiting for a worker").isPositive();
        }
        worker.start();
        Processing.assertAllCompletedOnce(ids);
    }

    private static List<String> placeOrdersAndAwaitProcessing(String customerPrefix) throws Exception {
        String customer = Orders.newCustomer(customerPrefix);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ids.add(Orders.place(customer).getString("id"));
        }
        await("jobs in flight").atMost(Processing.PROCESSING_TIMEOUT)
                .until(() -> Processing.count(ids, "PROCESSING") > 0);
        return ids;
    }
}
