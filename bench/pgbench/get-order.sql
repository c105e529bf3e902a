-- (ii) The SELECTs behind GET /api/orders/{id}: the order by its key, then its lines (the access token's standing is
-- remembered for REVOCATION_CHECK_SECONDS, so most requests do not ask for it). A random order of the seeded ones:
-- bench/run numbers them in bench_orders, whose primary-key lookup is part of the figure.
\set n random(1, :orders)
SELECT id AS order_id FROM bench_orders WHERE n = :n \gset
SELECT id, owner_id, currency, notes, status, status_reason, total, created_at, updated_at, version
FROM orders WHERE id = :order_id;
SELECT line_no, sku, name, quantity, unit_price, line_total FROM order_lines WHERE order_id = :order_id
ORDER BY line_no;
