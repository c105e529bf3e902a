// History-API routing: real paths (/orders/<id>) that survive a reload because both servers answer every app route
// with index.html. Each route's view is a module loaded on first use; it renders into <main> and may register
// cleanups (open streams, timers) that run when the user leaves.
import {isSignedIn, isSuperuser} from './api.js';
import {h, replace} from './dom.js';
import {failure, page} from './ui.js';

let routes = [];
let outlet = null;
let cleanups = [];
let onRendered = () => {};

/**
 * route('/orders/:id', () => import('./views/order-detail.js'), {access: 'user'}) - access is 'guest' (only when
 * signed out), 'user' (signed in) or 'admin' (superuser).
 */
export function route(path, load, {access = 'user'} = {}) {
    const names = [];
    const pattern = new RegExp(`^${path.replace(/:([a-z_]+)/g, (_, name) => {
        names.push(name);
        return '([^/]+)';
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
    if (url.origin !== location.origin || !matches(url.pathname)) {
        return;
    }
    event.preventDefault();
    navigate(url.pathname + url.search);
}

function matches(path) {
    return routes.some(candidate => candidate.pattern.test(path));
}

async function render() {
    for (const cleanup of cleanups.splice(0)) {
        cleanup();
    }
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
    const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
    const context = {
        params,
        query: new URLSearchParams(location.search),
        navigate,
        onLeave: cleanup => cleanups.push(cleanup),
    };
    const rendering = location.href;
    try {
        const view = await candidate.load();
        const node = await view.default(context);
        if (location.href === rendering) {
            show(node, node.dataset?.title ?? node.querySelector('h1')?.textContent);
        }
    } catch (error) {
        show(page('Something went wrong', failure(error, () => render())), 'Error');
    }
}

function show(node, title) {
    replace(outlet, node);
    document.title = title ? `${title} · Order Platform` : 'Order Platform';
    onRendered();
    // Like a page load for screen readers and keyboard users: focus lands on the new page's heading.
    outlet.querySelector('h1')?.focus({preventScroll: false});
}
