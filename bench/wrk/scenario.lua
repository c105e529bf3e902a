-- One script for every HTTP scenario of bench/run, chosen by the environment:
--   SCENARIO=plain   GET the path wrk was given (a0, a)
--   SCENARIO=get     GET /api/orders/{id}, each request as the next customer, with their own order (b)
--   SCENARIO=list    GET /api/orders?page=1&size=20 as the next customer (c)
--   SCENARIO=create  POST /api/orders with three lines as the next customer (d)
-- USERS names the file bench/Users.java wrote ("TOKEN ORDER_ID" per line), THREADS wrk's thread count: threads
-- start at different customers and step over each other's, so the load is spread over all of them.
-- At the end it prints one line, "RESULT key=value ...", that bench/run collects.

local scenario = os.getenv("SCENARIO") or "plain"
local customers = {}
local started = 0
local position = 0
local step = tonumber(os.getenv("THREADS") or "1")

local create_body = '{"items":['
    .. '{"sku":"BENCH-1","name":"Benchmark item","quantity":1,"unit_price":"9.90"},'
    .. '{"sku":"BENCH-2","name":"Second item","quantity":2,"unit_price":"4.50"},'
    .. '{"sku":"BENCH-3","name":"Third item","quantity":3,"unit_price":"1.25"}]}'

function setup(thread)
    thread:set("id", started)
    started = started + 1
end

function init(args)
    if scenario ~= "plain" then
        for line in io.lines(os.getenv("USERS")) do
            local token, order = line:match("^(%S+) (%S+)$")
            table.insert(customers, { token = token, order = order })
        end
        position = id % #customers
    end
end

local function next_customer()
    local customer = customers[position + 1]
    position = (position + step) % #customers
    return customer
end

function request()
    if scenario == "plain" then
        return wrk.format("GET")
    end
    local customer = next_customer()
    local headers = { ["Authorization"] = "Bearer " .. customer.token, ["Accept"] = "application/json" }
    if scenario == "get" then
        return wrk.format("GET", "/api/orders/" .. customer.order, headers)
    elseif scenario == "list" then
        return wrk.format("GET", "/api/orders?page=1&size=20", headers)
    elseif scenario == "create" then
        headers["Content-Type"] = "application/json"
        return wrk.format("POST", "/api/orders", headers, create_body)
    end
    error("unknown SCENARIO " .. scenario)
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p99_us=%d max_us=%d\n",
        summary.requests, summary.duration,
        errors.connect + errors.read + errors.write + errors.timeout, errors.status,
        latency:percentile(50), latency:percentile(99), latency.max))
end
