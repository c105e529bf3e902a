// The one way the app talks to the API. The access token lives in this module's memory only (nothing is persisted in
// the browser, where any injected script could read it); the refresh token is an httpOnly cookie the browser
// sends to /api/auth by itself, so a reload signs the user back in with restoreSession(). Tokens are refreshed
// shortly before they expire and once after a 401, and the request is retried once. Errors arrive as
// application/problem+json and are thrown as ApiError, whose field errors the forms show next to their fields.

const REFRESH_AHEAD_MS = 60_000;
const REQUEST_TIMEOUT_MS = 20_000;

/** A problem the API (or the network) reported, ready to show to a user. */
export class ApiError extends Error {
    constructor({status = 0, type = 'about:blank', title, detail, errors = [], retryAfter = null, fromApi = true}) {
        super(detail || title || 'Request failed');
        this.status = status;
        this.type = type;
        this.title = title || 'Request failed';
        this.detail = detail || '';
        this.errors = errors;
        this.retryAfter = retryAfter;
        this.fromApi = fromApi;
    }

    /**
     * True when the API could not be reached: no answer at all (network down, server stopped, too slow), or a
     * proxy's own "bad gateway / unavailable / timeout" page instead of an answer from the API.
     */
    get unreachable() {
        return this.status === 0 || (!this.fromApi && [502, 503, 504].includes(this.status));
    }
}

const session = {token: null, expiresAt: 0, refreshAhead: REFRESH_AHEAD_MS, user: null};
const listeners = new Set();
let refreshing = null;
let refreshTimer = null;

/** Called with the current user (or null) whenever someone signs in or the session ends. */
export function onSessionChange(listener) {
    listeners.add(listener);
}

export function currentUser() {
    return session.user;
}

export function isSignedIn() {
    return session.token !== null;
}

export function isSuperuser() {
    return session.user?.is_superuser === true;
}

/**
 * Calls the API; resolves with {status, headers, data}, rejects with ApiError. With renew (the default) an
 * expiring token is refreshed first, and a 401 is answered by one refresh and one retry.
 */
export async function request(method, path, {json, body, headers = {}, accept = 'application/json', auth = true,
    renew = true, token, signal, timeout = REQUEST_TIMEOUT_MS} = {}) {
    const send = async bearer => {
        const all = {Accept: accept, ...headers};
        if (json !== undefined) {
            all['Content-Type'] = 'application/json';
        }
        if (auth && bearer) {
            all.Authorization = `Bearer ${bearer}`;
        }
        const signals = [signal, timeout ? AbortSignal.timeout(timeout) : null].filter(Boolean);
        try {
            return await fetch(path, {method, headers: all, credentials: 'same-origin',
                signal: signals.length ? AbortSignal.any(signals) : undefined,
                body: json !== undefined ? JSON.stringify(json) : body});
        } catch (failure) {
            if (failure.name === 'AbortError' && signal?.aborted) {
                throw failure;
            }
            throw unreachable(failure.name === 'TimeoutError');
        }
    };
    if (auth && renew && session.token && Date.now() > session.expiresAt - session.refreshAhead) {
        await refresh();
    }
    const used = token ?? session.token;
    let response = await send(used);
    if (response.status === 401 && auth && renew && used) {
        // Sent with a token another call has replaced meanwhile: retry with the new one instead of refreshing again.
        if (session.token && session.token !== used) {
            response = await send(session.token);
        } else if (await refresh()) {
            response = await send(session.token);
        }
    }
    if (!response.ok) {
        const error = await problemOf(response);
        if (response.status === 401 && auth && renew) {
            endSession();
        }
        throw error;
    }
    return {status: response.status, headers: response.headers, data: await bodyOf(response), response};
}

export const api = {
    get: (path, options) => request('GET', path, options).then(result => result.data),
    post: (path, json, options) => request('POST', path, {...options, json}).then(result => result.data),
    patch: (path, json, options) => request('PATCH', path, {...options, json}).then(result => result.data),
    delete: (path, options) => request('DELETE', path, options).then(result => result.data),
};

/** Opens a long-lived authenticated response (Server-Sent Events); same refresh and retry rules as request(). */
export async function openStream(path, signal) {
    const result = await request('GET', path, {accept: 'text/event-stream', signal, timeout: 0});
    return result.response;
}

export async function login(email, password) {
    const {data} = await request('POST', '/api/auth/login', {json: {email, password}, auth: false});
    await startSession(data);
    return session.user;
}

export async function register(fullName, email, password) {
    await request('POST', '/api/auth/register', {json: {full_name: fullName, email, password}, auth: false});
}

/** A reload: the refresh cookie (if any) signs the user back in. Resolves with the user or null. */
export async function restoreSession() {
    return (await refresh()) ? session.user : null;
}

/** Ends the session on the server, then here; if the server cannot be told, the user stays signed in (and is told). */
export async function logout() {
    await request('POST', '/api/auth/logout');
    endSession();
}

/** Re-reads the signed-in user (after a profile change). */
export async function reloadUser() {
    session.user = await api.get('/api/users/me');
    notify();
    return session.user;
}

/**
 * One refresh at a time: concurrent 401s share it. Resolves true when a fresh token is in memory. Only a refused
 * refresh (401: no or an ended session) signs the user out; an unreachable API or a server error leaves the session
 * as it is, to be refreshed again later.
 */
function refresh() {
    if (!refreshing) {
        refreshing = (async () => {
            try {
                const {data} = await request('POST', '/api/auth/refresh', {auth: false});
                await startSession(data);
                return true;
            } catch (error) {
                if (error.status === 401 || error.status === 403) {
                    endSession();
                    return false;
                }
                throw error;
            } finally {
                refreshing = null;
            }
        })();
    }
    return refreshing;
}

/** Signs in with these tokens once the user they belong to is known: token and user are set together. */
async function startSession(tokens) {
    const user = await api.get('/api/users/me', {token: tokens.access_token, renew: false});
    const lifetime = tokens.expires_in * 1000;
    session.token = tokens.access_token;
    session.expiresAt = Date.now() + lifetime;
    session.refreshAhead = Math.min(REFRESH_AHEAD_MS, lifetime / 2);
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh().catch(() => {}), lifetime - session.refreshAhead);
    const before = session.user?.id;
    session.user = user;
    if (before !== user.id) {
        notify();
    }
}

function endSession() {
    const wasSignedIn = session.token !== null;
    clearTimeout(refreshTimer);
    session.token = null;
    session.expiresAt = 0;
    session.user = null;
    if (wasSignedIn) {
        notify();
    }
}

function notify() {
    for (const listener of listeners) {
        listener(session.user);
    }
}

function unreachable(timedOut) {
    return new ApiError({title: 'API unreachable', detail: timedOut
        ? 'The server did not answer in time. Try again in a moment.'
        : 'The server could not be reached. Check your connection and try again.'});
}

async function problemOf(response) {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    let problem = {};
    const fromApi = (response.headers.get('Content-Type') ?? '').includes('json');
    try {
        problem = fromApi ? await response.json() : {};
    } catch {
        // Not JSON after all: the status alone must do.
    }
    return new ApiError({
        status: response.status,
        type: problem.type,
        title: problem.title || response.statusText || `HTTP ${response.status}`,
        detail: problem.detail,
        errors: Array.isArray(problem.errors) ? problem.errors : [],
        retryAfter: Number.isNaN(retryAfter) ? null : retryAfter,
        fromApi,
    });
}

async function bodyOf(response) {
    if (response.status === 204) {
        return null;
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
        return response.json();
    }
    if (type.includes('text/event-stream')) {
        return null;
    }
    return response.text();
}
