package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * Redis stops, losing the queue, while orders are being placed, and comes back empty: every order is accepted, and
 * every one is processed once Redis is back - those in the outbox by the relay, those lost with Redis's data by
 * the reconciliation job.
 */
class RedisLossIT {

    @RegisterExtension
    final Replicas replicas = new Replicas();




    @Test
    void shouldCompleteEveryOrderPlacedAroundARedisThatLostItsData() throws Exception {
        String customer = Orders.newCustomer("redis-loss");
        List<String> queuedThenLost = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queuedThenLost.add(Orders.place(customer).getString("id"));
        }
        awaitQueued(queuedThenLost.size());

        TestRedis.shutdownLosingData();
        List<String> placedWhileDown = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                placedWhileDown.add(Orders.place(customer).getString("id"));
            }
        } finally {
            TestRedis.startEmpty();
        }
        try (Jedis redis = TestRedis.connect()) {
            assertThat(redis.dbSize()).as("Redis came back empty").isZero();
        }

        ExtraServer worker = replicas.start("reconcilingWorker", Processing.fast("APP_ROLE", "worker",
                "JOB_LEASE_SECONDS", "2", "RECONCILIATION_INTERVAL_SECONDS", "2", "STUCK_ORDER_AFTER_SECONDS", "5"));

        List<String> all = new ArrayList<>(queuedThenLost);
        all.addAll(placedWhileDown);
        Processing.assertAllCompletedOnce(all);
        assertThat(Metrics.value(Metrics.scrape(worker.base()), "order_jobs_requeued_total"))
                .as("jobs the reconciliation found lost").isGreaterThanOrEqualTo(queuedThenLost.size());
    }

    /** The relay has put (at least) these jobs on the queue - where Redis will lose them. */
    private static void awaitQueued(int jobs) {
        org.awaitility.Awaitility.await("jobs queued").atMost(Processing.PROCESSING_TIMEOUT).until(() -> {
            try (Jedis redis = TestRedis.connect()) {
                return redis.llen("orders:jobs:queue") >= jobs;
            }
        });
    }
}
