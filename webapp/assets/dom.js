// Building the page from data without ever parsing HTML: every value the API returns becomes a text node or an
// attribute, so nothing a user typed can turn into markup (no innerHTML anywhere in the app).

/**
 * h('button', {class: 'primary', type: 'button', onclick: fn}, 'Save') - an element with attributes, event
 * handlers (on...), and children (nodes, strings, numbers; null/false are skipped; arrays are flattened).
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.slice(2), value);
        } else if (key === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (key === 'value' || key === 'checked' || key === 'selected') {
            element[key] = value;
        } else {
            element.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(parent, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(parent, child);
        } else {
            parent.append(child instanceof Node ? child : String(child));
        }
    }
}

/** Replaces the children of node. */
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

/** An SVG element (charts); same rules as h. */
export function svg(tag, attributes = {}, ...children) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes)) {
        element.setAttribute(key, String(value));
    }
    append(element, children);
    return element;
}

let ids = 0;

/** A page-unique id, for label/aria-describedby pairs. */
export function uid(prefix = 'id') {
    ids += 1;
    return `${prefix}-${ids}`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});

export function dateTime(iso) {
    return iso ? DATE_TIME.format(new Date(iso)) : '';
}

const STATUS_LABELS = {
    PENDING: 'Pending', PROCESSING: 'Processing', COMPLETED: 'Completed', FAILED: 'Failed', CANCELLED: 'Cancelled',
};

export const STATUSES = Object.keys(STATUS_LABELS);

/** A status badge; its colour comes from the status, its meaning is always in the text too. */
export function statusBadge(status) {
    return h('span', {class: `badge badge-${status.toLowerCase()}`, dataset: {status}}, STATUS_LABELS[status] ?? status);
}

export function setBadge(badge, status) {
    badge.className = `badge badge-${status.toLowerCase()}`;
    badge.dataset.status = status;
    badge.textContent = STATUS_LABELS[status] ?? status;
}

/** The first 8 characters of an order id: enough to tell orders apart in a list. */
export function shortId(id) {
    return id.slice(0, 8);
}
