// History-API routing: real paths (/orders/<id>) that survive a reload because both servers answer every app route
// with index.html. Each route's view is a module loaded on first use; it renders into <main> and may register
// cleanups (open streams, timers) that run when the user leaves.
import {isSignedIn, isSuperuser} from './api.js';
import {h, replace} from './dom.js';
import {failure, page} from './ui.js';

let routes = [];
let outlet = null;
let leaving = () => {};
let shownPath = null;
let onRendered = () => {};

/**
 * route('/orders/:id', () => import('./views/order-detail.js'), {access: 'user'}) - access is 'guest' (only when
 * signed out), 'user' (signed in) or 'admin' (superuser).
 */
export function route(path, load, {access = 'user'} = {}) {
    const names = [];
    // Parameters are ids: unreserved characters only, so nothing decoded from the address (../, %2F) ever reaches
    // an API path.
    const pattern = new RegExp(`^${path.replace(/:([a-z_]+)/g, (_, name) => {
        names.push(name);
        return '([A-Za-z0-9_-]+)';
    })}/?$`);
    routes.push({pattern, names, load, access});
}

export function start(main, rendered) {
    outlet = main;
    onRendered = rendered;
    document.addEventListener('click', followLink);
    window.addEventListener('popstate', () => render());
    return render();
}

export function navigate(path, {replace: replacing = false} = {}) {
    if (replacing) {
        history.replaceState(null, '', path);
    } else {
        history.pushState(null, '', path);
    }
    return render();
}

/** Renders the current location again (after signing in or out). */
export function refresh() {
    return render();
}

function followLink(event) {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey || link.target || link.hasAttribute('download')) {
        return;
    }
    const url = new URL(link.href);
    if (url.origin !== location.origin || !matches(url.pathname)
        || (url.hash && url.pathname === location.pathname && url.search === location.search)) {
        return; // another site, not an app route, or a jump within this page (the skip link)
    }
    event.preventDefault();
    navigate(url.pathname + url.search);
}

function matches(path) {
    return routes.some(candidate => candidate.pattern.test(path));
}

async function render() {
    leaving();
    // Everything this rendering starts (requests, streams, timers) ends when the user leaves it: onLeave registers
    // a cleanup, run at once if the user has already gone (a response that arrived late), and signal aborts.
    const controller = new AbortController();
    const cleanups = [];
    leaving = () => {
        controller.abort();
        cleanups.splice(0).forEach(cleanup => cleanup());
    };
    const path = location.pathname === '/' ? '/orders' : location.pathname;
    const found = routes.map(candidate => ({candidate, match: candidate.pattern.exec(path)}))
        .find(({match}) => match);
    if (!found) {
        return show(page('Page not found', h('p', {}, 'There is nothing at this address. '),
            h('a', {href: '/orders'}, 'Go to your orders')), 'Not found');
    }
    const {candidate, match} = found;
    if (candidate.access === 'guest' && isSignedIn()) {
        return navigate('/orders', {replace: true});
    }
    if (candidate.access !== 'guest' && !isSignedIn()) {
        const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
        return navigate(`/login${next}`, {replace: true});
    }
    if (candidate.access === 'admin' && !isSuperuser()) {
        return show(page('Not allowed', h('p', {}, 'This page is for superusers.')), 'Not allowed');
    }
    const context = {
        params: Object.fromEntries(candidate.names.map((name, index) => [name, match[index + 1]])),
        query: new URLSearchParams(location.search),
        navigate,
        signal: controller.signal,
        onLeave: cleanup => (controller.signal.aborted ? cleanup() : cleanups.push(cleanup)),
    };
    let view;
    try {
        view = await candidate.load();
    } catch {
        // A screen's module could not be loaded: the app was updated since this tab loaded it, or the server is
        // gone. A fresh load of the page gets matching files.
        return show(page('This page could not be loaded', h('p', {}, 'The app may have been updated, or the server '
            + 'is unreachable. '), h('button', {type: 'button', onclick: () => location.reload()}, 'Reload the app')),
        'Error');
    }
    try {
        const node = await view.default(context);
        if (!controller.signal.aborted) {
            show(node, node.dataset?.title ?? node.querySelector('h1')?.textContent);
        }
    } catch (error) {
        if (!controller.signal.aborted) {
            show(page('Something went wrong', failure(error, () => render())), 'Error');
        }
    }
}

/**
 * Shows a screen. A new page puts the focus on its heading, as a page load does for screen readers and keyboard
 * users; the same page with other parameters (a filter, the next page) keeps it on the control that changed them.
 */
function show(node, title) {
    const focused = document.activeElement;
    const focusKey = focused?.name || focused?.dataset?.focusKey;
    const samePage = shownPath === location.pathname;
    shownPath = location.pathname;
    replace(outlet, node);
    document.title = title ? `${title} · Order Platform` : 'Order Platform';
    onRendered();
    const again = samePage && focusKey
        ? outlet.querySelector(`[name="${CSS.escape(focusKey)}"], [data-focus-key="${CSS.escape(focusKey)}"]`) : null;
    (again && !again.disabled ? again : outlet.querySelector('h1'))?.focus();
}
