// The one way the app talks to the API. The access token lives in this module's memory only (never localStorage or
// sessionStorage, where any injected script could read it); the refresh token is an httpOnly cookie the browser
// sends to /api/auth by itself, so a reload signs the user back in with restoreSession(). Tokens are refreshed
// shortly before they expire and once after a 401, and the request is retried once. Errors arrive as
// application/problem+json and are thrown as ApiError, whose field errors the forms show next to their fields.

const REFRESH_AHEAD_MS = 60_000;

/** A problem the API (or the network) reported, ready to show to a user. */
export class ApiError extends Error {
    constructor({status = 0, type = 'about:blank', title, detail, errors = [], retryAfter = null}) {
        super(detail || title || 'Request failed');
        this.status = status;
        this.type = type;
        this.title = title || 'Request failed';
        this.detail = detail || '';
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    /** True when the API could not be reached at all (network down, server stopped). */
    get unreachable() {
        return this.status === 0;
    }
}

const session = {token: null, expiresAt: 0, user: null};
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

/** Calls the API; resolves with {status, headers, data}, rejects with ApiError. */
export async function request(method, path, {json, body, headers = {}, accept = 'application/json', auth = true,
    signal} = {}) {
    const send = async () => {
        const all = {Accept: accept, ...headers};
        if (json !== undefined) {
            all['Content-Type'] = 'application/json';
        }
        if (auth && session.token) {
            all.Authorization = `Bearer ${session.token}`;
        }
        try {
            return await fetch(path, {method, headers: all, signal, credentials: 'same-origin',
                body: json !== undefined ? JSON.stringify(json) : body});
        } catch (failure) {
            if (failure.name === 'AbortError') {
                throw failure;
            }
            throw unreachable();
        }
    };
    if (auth && session.token && Date.now() > session.expiresAt - REFRESH_AHEAD_MS) {
        await refresh();
    }
    let response = await send();
    if (response.status === 401 && auth && session.token) {
        if (await refresh()) {
            response = await send();
        }
    }
    if (!response.ok) {
        const error = await problemOf(response);
        if (response.status === 401 && auth) {
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
    const result = await request('GET', path, {accept: 'text/event-stream', signal});
    return result.response;
}

export async function login(email, password) {
    const {data} = await request('POST', '/api/auth/login', {json: {email, password}, auth: false});
    await startSession(data);
    return session.user;
}

export async function register(fullName, email, password) {
    await request('POST', '/api/auth/register', {json: {full_name: fullName, email, password}, auth: false});
    return login(email, password);
}

/** A reload: the refresh cookie (if any) signs the user back in. Resolves with the user or null. */
export async function restoreSession() {
    return (await refresh()) ? session.user : null;
}

export async function logout() {
    try {
        await request('POST', '/api/auth/logout');
    } finally {
        endSession();
    }
}

/** Re-reads the signed-in user (after a profile change). */
export async function reloadUser() {
    session.user = await api.get('/api/users/me');
    notify();
    return session.user;
}

/** One refresh at a time: concurrent 401s share it. Resolves true when a fresh token is in memory. */
function refresh() {
    if (!refreshing) {
        refreshing = (async () => {
            try {
                const {data} = await request('POST', '/api/auth/refresh', {auth: false});
                await startSession(data);
                return true;
            } catch (error) {
                if (error.unreachable) {
                    throw error;
                }
                endSession();
                return false;
            } finally {
                refreshing = null;
            }
        })();
    }
    return refreshing;
}

async function startSession(tokens) {
    session.token = tokens.access_token;
    session.expiresAt = Date.now() + tokens.expires_in * 1000;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh().catch(() => {}),
        Math.max(tokens.expires_in * 1000 - REFRESH_AHEAD_MS, 5_000));
    const before = session.user?.id;
    session.user = await api.get('/api/users/me');
    if (before !== session.user.id) {
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

function unreachable() {
    return new ApiError({title: 'API unreachable',
        detail: 'The server could not be reached. Check your connection and try again.'});
}

async function problemOf(response) {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    let problem = {};
    try {
        problem = await response.json();
    } catch {
        // Not JSON (a proxy's error page): the status alone must do.
    }
    return new ApiError({
        status: response.status,
        type: problem.type,
        title: problem.title || response.statusText || `HTTP ${response.status}`,
        detail: problem.detail,
        errors: Array.isArray(problem.errors) ? problem.errors : [],
        retryAfter: Number.isNaN(retryAfter) ? null : retryAfter,
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
