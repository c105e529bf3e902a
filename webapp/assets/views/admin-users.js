// Superuser: the user accounts. Search (email or name) and page live in the URL, so reload, back and a shared link
// show the same list. Each row activates/deactivates and promotes/demotes its user (the API refuses, with a 409
// whose detail we show, to leave no active superuser), and opens the user's login lockout in a panel from which
// it can be cleared.
import {api, currentUser} from '../api.js';
import {dateTime, h, replace, uid} from '../dom.js';
import {describe, field} from '../forms.js';
import {announce, confirmDialog, empty, loadInto, page, pager, scroller} from '../ui.js';

const PAGE_SIZE = 20;

export default function render({query, navigate}) {
    const state = {
        q: (query.get('q') ?? '').trim(),
        page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
    };
    const go = ({q = state.q, page: number = state.page}) => {
        const params = new URLSearchParams();
        if (q) {
            params.set('q', q);
        }
        if (number > 1) {
            params.set('page', String(number));
        }
        const search = params.toString();
        navigate(`/admin/users${search ? `?${search}` : ''}`);
    };

    const search = field('Search by email or name', {name: 'q', type: 'search', value: state.q, maxlength: 320,
        autocomplete: 'off', spellcheck: 'false'});
    const form = h('form', {class: 'toolbar admin-search', role: 'search', 'aria-label': 'Users',
        onsubmit: event => {
            event.preventDefault();
            go({q: search.control.value.trim(), page: 1});
        }},
    search,
    h('button', {type: 'submit', class: 'primary'}, 'Search'),
    state.q ? h('button', {type: 'button', onclick: () => go({q: '', page: 1})}, 'Show all') : null);

    // Problems of the row actions (e.g. "This is the only active superuser") - announced when shown.
    const alert = h('div', {class: 'alert', role: 'alert', hidden: true});
    const showError = error => {
        alert.textContent = describe(error);
        alert.hidden = false;
    };
    const hideError = () => {
        alert.hidden = true;
        alert.textContent = '';
    };

    const lockout = lockoutPanel();
    const results = h('div', {class: 'results'});
    const params = new URLSearchParams({page: String(state.page), size: String(PAGE_SIZE)});
    if (state.q) {
        params.set('q', state.q);
    }
    loadInto(results, () => api.get(`/api/users?${params}`), result => {
        if (result.items.length === 0) {
            if (result.total > 0) {
                return empty('There is nothing on this page.',
                    h('button', {type: 'button', onclick: () => go({page: 1})}, 'Go to the first page'));
            }
            return state.q
                ? empty(`No user matches “${state.q}”.`,
                    h('button', {type: 'button', onclick: () => go({q: '', page: 1})}, 'Show all users'))
                : empty('There are no users yet.');
        }
        const actions = {showError, hideError, openLockout: lockout.open};
        return h('div', {},
            scroller('Users', h('table', {class: 'admin-users'},
                h('caption', {class: 'visually-hidden'}, state.q ? `Users matching “${state.q}”` : 'Users'),
                h('thead', {}, h('tr', {},
                    h('th', {scope: 'col'}, 'Email'),
                    h('th', {scope: 'col', class: 'hide-narrow'}, 'Name'),
                    h('th', {scope: 'col'}, 'Active'),
                    h('th', {scope: 'col'}, 'Role'),
                    h('th', {scope: 'col', class: 'hide-narrow'}, 'Created'),
                    h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
                h('tbody', {}, result.items.map(user => row(user, actions))))),
            pager(result, number => go({page: number})));
    });

    return page('Users', form, alert, lockout.panel, results);
}

function row(user, actions) {
    const me = currentUser()?.id === user.id;
    const activeButton = h('button', {type: 'button', dataset: {action: user.is_active ? 'deactivate' : 'activate'},
        'aria-label': `${user.is_active ? 'Deactivate' : 'Activate'} ${user.email}`,
        class: user.is_active ? null : 'primary'}, user.is_active ? 'Deactivate' : 'Activate');
    const superButton = h('button', {type: 'button', dataset: {action: user.is_superuser ? 'demote' : 'promote'},
        'aria-label': `${user.is_superuser ? 'Demote' : 'Promote'} ${user.email}`},
    user.is_superuser ? 'Demote' : 'Promote');
    const lockoutButton = h('button', {type: 'button', dataset: {action: 'lockout'},
        'aria-label': `Lockout of ${user.email}`, 'aria-controls': 'lockout-panel'}, 'Lockout');
    const tr = h('tr', {dataset: {userEmail: user.email, userId: user.id, active: user.is_active,
        superuser: user.is_superuser}},
    h('th', {scope: 'row', class: 'admin-email'}, user.email, me ? h('span', {class: 'you'}, ' (you)') : null),
    h('td', {class: 'hide-narrow'}, user.full_name ?? ''),
    h('td', {}, flag(user.is_active, 'Active', 'Inactive')),
    h('td', {}, flag(user.is_superuser, 'Superuser', 'User')),
    h('td', {class: 'hide-narrow'}, dateTime(user.created_at)),
    h('td', {}, h('div', {class: 'row-actions'}, activeButton, superButton, lockoutButton)));

    const change = async (button, patch, {question, confirmLabel, done}) => {
        if (question && !await confirmDialog(question, confirmLabel)) {
            button.focus();
            return;
        }
        for (const control of tr.querySelectorAll('button')) {
            control.disabled = true;
        }
        try {
            const updated = await api.patch(`/api/users/${user.id}`, patch);
            if (me) {
                // Your own sessions have just ended: start again from a fresh page load (the login page).
                location.assign('/orders');
                return;
            }
            actions.hideError();
            const next = row(updated, actions);
            tr.replaceWith(next);
            next.querySelector(`[data-action="${button === activeButton ? (updated.is_active ? 'deactivate' : 'activate')
                : (updated.is_superuser ? 'demote' : 'promote')}"]`)?.focus();
            announce(done);
        } catch (error) {
            for (const control of tr.querySelectorAll('button')) {
                control.disabled = false;
            }
            actions.showError(error);
            button.focus();
        }
    };

    activeButton.addEventListener('click', () => (user.is_active
        ? change(activeButton, {is_active: false}, {
            question: me ? 'Deactivate your own account? You will be logged out.'
                : `Deactivate ${user.email}? Their sessions end at once.`,
            confirmLabel: 'Deactivate', done: `${user.email} is deactivated.`})
        : change(activeButton, {is_active: true}, {done: `${user.email} is active again.`})));
    superButton.addEventListener('click', () => (user.is_superuser
        ? change(superButton, {is_superuser: false}, {
            question: me ? 'Demote yourself? You lose these admin pages and are logged out.'
                : `Demote ${user.email}? They lose superuser rights and their sessions end.`,
            confirmLabel: 'Demote', done: `${user.email} is no longer a superuser.`})
        : change(superButton, {is_superuser: true}, {done: `${user.email} is now a superuser.`})));
    lockoutButton.addEventListener('click', () => actions.openLockout(user, lockoutButton));
    return tr;
}

function flag(on, yes, no) {
    return h('span', {class: on ? 'flag flag-on' : 'flag flag-off'}, on ? yes : no);
}

/** The panel with one user's failed logins; "Clear lockout" forgets them, then reads the state again. */
function lockoutPanel() {
    const headingId = uid('lockout-heading');
    const heading = h('h2', {id: headingId, tabindex: '-1'});
    const body = h('div', {});
    let opener = null;
    const close = () => {
        panel.hidden = true;
        opener?.focus();
    };
    const panel = h('section', {class: 'panel lockout-panel', id: 'lockout-panel', hidden: true,
        'aria-labelledby': headingId},
    heading, body);

    const open = (user, button) => {
        opener = button;
        panel.hidden = false;
        panel.dataset.userEmail = user.email;
        heading.textContent = `Lockout of ${user.email}`;
        const alert = h('div', {class: 'alert', role: 'alert', hidden: true});
        const state = h('div', {});
        const reload = loadInto(state, () => api.get(`/api/users/${user.id}/lockout`), lockout => facts(lockout));
        const clear = h('button', {type: 'button', class: 'primary', dataset: {action: 'clear-lockout'},
            'aria-label': `Clear lockout of ${user.email}`}, 'Clear lockout');
        clear.addEventListener('click', async () => {
            clear.disabled = true;
            try {
                await api.delete(`/api/users/${user.id}/lockout`);
                alert.hidden = true;
                announce(`Lockout of ${user.email} cleared: they can log in again at once.`);
                await reload();
            } catch (error) {
                alert.textContent = describe(error);
                alert.hidden = false;
            } finally {
                clear.disabled = false;
            }
        });
        replace(body, alert, state, h('div', {class: 'actions'}, clear,
            h('button', {type: 'button', onclick: close}, 'Close')));
        heading.focus();
    };
    panel.addEventListener('keydown', event => {
        if (event.key === 'Escape') {
            close();
        }
    });
    return {panel, open};
}

function facts(lockout) {
    const nothing = lockout.failed_attempts === 0 && lockout.locked_addresses === 0 && !lockout.delayed;
    return h('div', {},
        h('dl', {class: 'facts lockout-facts'},
            h('dt', {}, 'Failed attempts'), h('dd', {dataset: {fact: 'failed-attempts'}}, lockout.failed_attempts),
            h('dt', {}, 'Locked addresses'), h('dd', {dataset: {fact: 'locked-addresses'}}, lockout.locked_addresses),
            h('dt', {}, 'Delayed'), h('dd', {dataset: {fact: 'delayed'}}, lockout.delayed ? 'Yes' : 'No'),
            h('dt', {}, 'Window ends'), h('dd', {dataset: {fact: 'window-ends'}},
                lockout.window_ends_in_seconds > 0 ? `in ${duration(lockout.window_ends_in_seconds)}` : '—')),
        h('p', {class: 'hint'}, nothing ? 'No failed logins are counted against this account.'
            : 'Clearing forgets every failed login counted against the account: it can log in again at once.'));
}

function duration(seconds) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return minutes ? `${minutes} min${rest ? ` ${rest} s` : ''}` : `${rest} s`;
}
