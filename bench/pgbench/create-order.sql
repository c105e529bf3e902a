-- (i) The rows one order creation writes, as one transaction: the order, its three lines and its outbox job; the
-- triggers add the status history row and bump the owner's orders_version, as they do for the application.
-- bench/run sets :min_owner and :max_owner to the seeded customers' ids.
-- Run with -M prepared, as the JDBC driver does: the variables become parameters.
\set owner random(:min_owner, :max_owner)
BEGIN;
INSERT INTO orders (id, owner_id, currency, notes, status, total, created_at, updated_at, version)
VALUES (gen_random_uuid(), :owner, 'EUR', NULL, 'PENDING', 22.65, now(), now(), 1)
RETURNING id AS order_id \gset
INSERT INTO order_lines (order_id, line_no, sku, name, quantity, unit_price, line_total)
VALUES (:order_id, 1, 'BENCH-1', 'Benchmark item', 1, 9.90, 9.90),
       (:order_id, 2, 'BENCH-2', 'Second item', 2, 4.50, 9.00),
       (:order_id, 3, 'BENCH-3', 'Third item', 3, 1.25, 3.75);
INSERT INTO order_jobs (order_id) VALUES (:order_id);
END;
