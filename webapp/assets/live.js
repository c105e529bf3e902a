// Live order status: Server-Sent Events from /api/orders/{id}/events, read with fetch (EventSource cannot send the
// Authorization header), falling back to polling GET /api/orders/{id} when the stream fails, is refused (429: a user
// may hold only a few streams at once - tried again after Retry-After) or keeps ending quickly. A stream that ends after a while (the API ends it
// when the access token expires) is opened again with a fresh token. A tab holds at most two streams: browsers
// allow six HTTP/1.1 connections per site for all its tabs together, and the app's own requests need some.
import {api, openStream} from './api.js';

export const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
const POLL_MS = 2000;
const MAX_STREAMS = 2;
const LONG_ENOUGH_TO_REOPEN_MS = 10_000;
const DEFAULT_RETRY_SECONDS = 15;
let openStreams = 0;

/** Calls onStatus(status, event) for every change until the order is final or stop() is called. */
export function followStatus(orderId, onStatus) {
    const controller = new AbortController();
    let stopped = false;
    let streaming = false;
    let pollTimer = null;
    let last = null;

    // The count of open streams changes the moment one is given up, not when its connection has wound down: the
    // next screen's streams are counted right after this one's stop().
    const release = () => {
        if (streaming) {
            streaming = false;
            openStreams -= 1;
        }
    };

    const deliver = (status, event) => {
        if (status !== last) {
            last = status;
            onStatus(status, event);
        }
        if (TERMINAL.has(status)) {
            stop();
        }
    };

    // One of two ways at a time: a stream, or polling until the stream may be tried again.
    let polling = false;
    let retryTimer = null;

    const poll = async () => {
        if (stopped || !polling) {
            return;
        }
        try {
            const order = await api.get(`/api/orders/${orderId}`, {signal: controller.signal});
            deliver(order.status, order);
        } catch (error) {
            if (error.name === 'AbortError' || [401, 403, 404].includes(error.status)) {
                return; // gone, or no longer ours to see: nothing more to follow
            }
        }
        if (!stopped && polling) {
            pollTimer = setTimeout(poll, POLL_MS);
        }
    };

    /** Polls; after a refusal (429) the stream is tried again once the API says it may be. */
    const pollInstead = retryAfterSeconds => {
        polling = true;
        poll();
        if (retryAfterSeconds) {
            retryTimer = setTimeout(() => {
                if (!stopped && openStreams < MAX_STREAMS) {
                    polling = false;
                    clearTimeout(pollTimer);
                    stream();
                }
            }, retryAfterSeconds * 1000);
        }
    };

    const stream = async () => {
        openStreams += 1;
        streaming = true;
        const opened = Date.now();
        let ended = false;
        let refusedFor = 0;
        try {
            const response = await openStream(`/api/orders/${orderId}/events`, controller.signal);
            await readEvents(response.body, event => {
                if (event.event === 'status') {
                    const data = JSON.parse(event.data);
                    deliver(data.status, data);
                }
            });
            ended = true;
        } catch (error) {
            // Refused, failed or cut: polling takes over below. A refusal for too many streams passes (the API
            // notices closed ones within its heartbeat): the stream is tried again after Retry-After.
            refusedFor = error.status === 429 ? (error.retryAfter ?? DEFAULT_RETRY_SECONDS) : 0;
        } finally {
            release();
        }
        if (stopped) {
            return;
        }
        if (ended && Date.now() - opened > LONG_ENOUGH_TO_REOPEN_MS) {
            stream();
        } else {
            pollInstead(refusedFor);
        }
    };

    function stop() {
        stopped = true;
        release();
        clearTimeout(pollTimer);
        clearTimeout(retryTimer);
        controller.abort();
    }

    if (openStreams < MAX_STREAMS) {
        stream();
    } else {
        pollInstead(0);
    }
    return stop;
}

/** Parses a text/event-stream body (fields event/data, events separated by a blank line). */
async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    try {
        await readBlocks(reader, onEvent);
    } finally {
        reader.cancel().catch(() => {}); // closes the connection whatever ended the reading
    }
}

async function readBlocks(reader, onEvent) {
    let buffer = '';
    for (;;) {
        const {value, done} = await reader.read();
        if (done) {
            return;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = {event: 'message', data: ''};
            for (const line of block.split('\n')) {
                const colon = line.indexOf(':');
                if (colon === 0) {
                    continue;
                }
                const name = colon < 0 ? line : line.slice(0, colon);
                const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (name === 'event') {
                    event.event = text;
                } else if (name === 'data') {
                    event.data = event.data ? `${event.data}\n${text}` : text;
                }
            }
            if (event.data) {
                onEvent(event);
            }
        }
    }
}
