// Shared pieces of every screen: page heading, loading / empty / error states, pagination, confirmation dialog and
// the polite announcements a screen reader hears after an action.
import {h, replace} from './dom.js';
import {describe} from './forms.js';

export function page(title, ...children) {
    return h('section', {class: 'page'}, h('h1', {tabindex: '-1'}, title), ...children);
}

export function loading(text = 'Loading…') {
    return h('p', {class: 'state state-loading', role: 'status'}, text);
}

export function empty(text, ...actions) {
    return h('div', {class: 'state state-empty'}, h('p', {}, text), ...actions);
}

/** An error state with a retry button; "API unreachable" is said plainly. */
export function failure(error, retry) {
    return h('div', {class: 'state state-error', role: 'alert'},
        h('p', {}, error.unreachable ? 'The API is unreachable. Check that the server is running, then retry.'
            : describe(error)),
        retry ? h('button', {type: 'button', onclick: retry}, 'Retry') : null);
}

/**
 * Loads data into a container with the three states: loading, then render(data) or the error with retry. Nothing
 * is drawn once signal (the screen's, see router.js) is aborted. Returns a function that loads again.
 */
export function loadInto(container, load, render, signal) {
    const run = async () => {
        replace(container, loading());
        try {
            const data = await load();
            if (!signal?.aborted) {
                replace(container, render(data));
            }
        } catch (error) {
            if (error.name !== 'AbortError' && !signal?.aborted) {
                replace(container, failure(error, run));
            }
        }
    };
    run();
    return run;
}

/**
 * A table in a box that scrolls sideways on narrow screens; focusable and named, so keyboard users can scroll it
 * too (WCAG 2.1.1).
 */
export function scroller(label, table) {
    return h('div', {class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0'}, table);
}

/** Previous / next with "Page x of y"; onPage(n) is called with the page wanted. */
export function pager({page: current, size, total}, onPage) {
    const pages = Math.max(1, Math.ceil(total / size));
    return h('nav', {class: 'pager', 'aria-label': 'Pagination'},
        h('button', {type: 'button', disabled: current <= 1, dataset: {focusKey: 'previous-page'},
            onclick: () => onPage(current - 1)}, '← Previous'),
        h('span', {'aria-live': 'polite'}, `Page ${current} of ${pages} · ${total} in all`),
        h('button', {type: 'button', disabled: current >= pages, dataset: {focusKey: 'next-page'},
            onclick: () => onPage(current + 1)}, 'Next →'));
}

/** A modal confirmation (native dialog: focus trapped, Escape cancels). Resolves true when confirmed. */
export function confirmDialog(question, confirmLabel, {danger = true} = {}) {
    return new Promise(resolve => {
        const dialog = h('dialog', {class: 'dialog', 'aria-labelledby': 'dialog-title'},
            h('form', {method: 'dialog'},
                h('h2', {id: 'dialog-title'}, question),
                h('div', {class: 'actions'},
                    h('button', {value: 'cancel', type: 'submit', autofocus: true}, 'Keep it'),
                    h('button', {value: 'confirm', type: 'submit', class: danger ? 'danger' : 'primary'},
                        confirmLabel))));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'confirm');
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}

/** Says something politely to screen readers and shows it briefly (the text stays, hidden, until the next one). */
export function announce(text) {
    const region = document.getElementById('announcer');
    region.textContent = text;
    region.classList.add('shown');
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => region.classList.remove('shown'), 4000);
}

/** "45 seconds" or "3 minutes": a wait the API asked for (Retry-After). */
export function waitText(seconds) {
    return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
