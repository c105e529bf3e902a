// Superuser: what is waiting where in order processing, refreshed every 5 s while the page is open (and visible),
// and the dead letters - jobs that failed their last attempt - each of which can be replayed. The dead-letter page
// number lives in the URL.
import {api} from '../api.js';
import {dateTime, h, replace, shortId} from '../dom.js';
import {describe} from '../forms.js';
import {announce, empty, failure, loadInto, loading, page, pager, scroller} from '../ui.js';

const REFRESH_MS = 5000;
const PAGE_SIZE = 20;
const TIME = new Intl.DateTimeFormat(undefined, {timeStyle: 'medium'});

const STATS = [
    {key: 'queued', label: 'Queued', redis: true},
    {key: 'in_flight', label: 'In flight', redis: true},
    {key: 'retrying', label: 'Retrying', redis: true},
    {key: 'dead_letters', label: 'Dead letters'},
    {key: 'outbox_unpublished', label: 'Outbox unpublished'},
    {key: 'outbox_lag_seconds', label: 'Outbox lag', seconds: true},
    {key: 'oldest_queued_age_seconds', label: 'Oldest queued job', seconds: true, redis: true},
];

export default function render({query, navigate, onLeave}) {
    const pageNumber = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
    const aborter = new AbortController();
    const signal = aborter.signal;

    // --- the snapshot ---
    const stats = h('div', {class: 'queue-stats'}, loading());
    const updated = h('span', {class: 'hint queue-updated'});
    const auto = h('input', {type: 'checkbox', id: 'queue-auto-refresh', checked: true});
    const refreshButton = h('button', {type: 'button', dataset: {action: 'refresh'}}, 'Refresh');
    let shown = null;
    let deadLetterCount = null;
    let inFlight = null;

    const refresh = () => {
        inFlight ??= (async () => {
            try {
                const snapshot = await api.get('/api/admin/queue', {signal});
                replace(stats, statCards(snapshot));
                shown = 'snapshot';
                updated.textContent = `Updated ${TIME.format(new Date())}`;
                if (deadLetterCount !== null && snapshot.dead_letters !== deadLetterCount) {
                    reloadDeadLetters();
                }
                deadLetterCount = snapshot.dead_letters;
                return true;
            } catch (error) {
                if (error.name === 'AbortError') {
                    return false;
                }
                // The same failure every 5 s is shown (and announced) once, not again at each attempt.
                const text = `error:${describe(error)}`;
                if (shown !== text) {
                    replace(stats, failure(error, () => refreshNow()));
                    shown = text;
                }
                return false;
            } finally {
                inFlight = null;
            }
        })();
        return inFlight;
    };
    const refreshNow = async () => {
        refreshButton.disabled = true;
        try {
            if (await refresh()) {
                announce('Queue figures refreshed.');
            }
        } finally {
            refreshButton.disabled = false;
        }
    };
    refreshButton.addEventListener('click', refreshNow);
    const timer = setInterval(() => {
        if (auto.checked && !document.hidden) {
            refresh();
        }
    }, REFRESH_MS);
    onLeave(() => {
        clearInterval(timer);
        aborter.abort();
    });
    refresh();

    // --- the dead letters ---
    const deadLettersHeading = h('h2', {id: 'dead-letters-heading', tabindex: '-1'}, 'Dead letters');
    const alert = h('div', {class: 'alert', role: 'alert', hidden: true});
    const deadLetters = h('div', {class: 'results'});
    const replay = async (letter, button) => {
        button.disabled = true;
        try {
            await api.post(`/api/admin/dead-letters/${letter.id}/replay`, undefined, {signal});
            alert.hidden = true;
            announce(`Order ${shortId(letter.order_id)} is queued again.`);
        } catch (error) {
            if (error.name === 'AbortError') {
                return;
            }
            alert.textContent = describe(error);
            alert.hidden = false;
        }
        deadLettersHeading.focus();
        deadLetterCount = null; // reloaded here: the snapshot's new count need not reload it again
        await Promise.all([reloadDeadLetters(), refresh()]);
    };
    const reloadDeadLetters = loadInto(deadLetters,
        () => api.get(`/api/admin/dead-letters?page=${pageNumber}&size=${PAGE_SIZE}`, {signal}),
        result => deadLetterTable(result, pageNumber, replay,
            number => navigate(number > 1 ? `/admin/queue?page=${number}` : '/admin/queue')));

    return page('Queue',
        h('div', {class: 'toolbar queue-toolbar'},
            refreshButton,
            h('label', {class: 'check', for: 'queue-auto-refresh'}, auto, ' Refresh every 5 seconds'),
            updated),
        stats,
        h('section', {'aria-labelledby': 'dead-letters-heading'},
            deadLettersHeading,
            h('p', {class: 'hint'}, 'Jobs that failed their last attempt, newest first. Replay puts the order back to '
                + 'Pending and its job back on the queue with its attempts reset.'),
            alert,
            deadLetters));
}

function statCards(snapshot) {
    const redisDown = STATS.some(stat => stat.redis && (snapshot[stat.key] === undefined || snapshot[stat.key] === null));
    return h('div', {},
        redisDown ? h('p', {class: 'alert'}, 'Redis is unreachable: the queue counts are unknown. New orders wait in '
            + 'the outbox and are relayed when Redis is back.') : null,
        h('ul', {class: 'grid stat-list', 'aria-label': 'Queue figures'}, STATS.map(stat => {
            const value = snapshot[stat.key];
            const known = value !== undefined && value !== null;
            return h('li', {class: `stat${stat.key === 'dead_letters' && value > 0 ? ' stat-warning' : ''}`,
                dataset: {stat: stat.key}},
            h('div', {class: 'value', dataset: {value: known ? value : ''}},
                known ? (stat.seconds ? seconds(value) : String(value)) : '—'),
            h('div', {class: 'label'}, stat.label, known ? null : ' (unknown)'));
        })));
}

function deadLetterTable(result, pageNumber, replay, goTo) {
    if (result.items.length === 0) {
        return pageNumber > 1 && result.total > 0
            ? empty('There is nothing on this page.', h('button', {type: 'button', onclick: () => goTo(1)},
                'Go to the first page'))
            : empty('No dead letters');
    }
    return h('div', {},
        scroller('Dead letters', h('table', {class: 'dead-letters'},
            h('caption', {class: 'visually-hidden'}, 'Dead letters'),
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Order'),
                h('th', {scope: 'col', class: 'number'}, 'Attempts'),
                h('th', {scope: 'col'}, 'Error'),
                h('th', {scope: 'col', class: 'hide-narrow'}, 'Failed at'),
                h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
            h('tbody', {}, result.items.map(letter => {
                const button = h('button', {type: 'button', class: 'primary', dataset: {action: 'replay'},
                    'aria-label': `Replay order ${shortId(letter.order_id)}`}, 'Replay');
                button.addEventListener('click', () => replay(letter, button));
                return h('tr', {dataset: {deadLetterId: letter.id, orderId: letter.order_id}},
                    h('th', {scope: 'row'}, h('a', {href: `/orders/${letter.order_id}`, class: 'mono',
                        'aria-label': `Order ${shortId(letter.order_id)}`, title: letter.order_id},
                    shortId(letter.order_id))),
                    h('td', {class: 'number'}, letter.attempts),
                    h('td', {class: 'error-text'}, letter.error ?? ''),
                    h('td', {class: 'hide-narrow'}, h('time', {datetime: letter.failed_at}, dateTime(letter.failed_at))),
                    h('td', {}, button));
            })))),
        pager(result, goTo));
}

function seconds(value) {
    const whole = Math.round(Number(value));
    if (whole < 60) {
        return `${whole} s`;
    }
    if (whole < 3600) {
        return `${Math.floor(whole / 60)} min ${whole % 60} s`;
    }
    return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}
