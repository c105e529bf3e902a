// Superuser: the daily order report (built by the order-report job) between two days, both included, in UTC. A bar
// chart of the orders per day is drawn here as SVG; the table below it holds every figure (the chart's accessible
// equivalent). Revenue stays an exact decimal string: sums are made in BigInt cents, never in binary floats.
// "Download CSV" asks the API for text/csv through the authenticated client and saves it from a Blob.
import {request} from '../api.js';
import {barChart} from '../chart.js';
import {h, replace, statusBadge} from '../dom.js';
import {clearErrors, describe, field, showProblem} from '../forms.js';
import {display, formatCents} from '../money.js';
import {announce, empty, failure, loading, page, scroller} from '../ui.js';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const SHORT_DAY = new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', timeZone: 'UTC'});
const LONG_DAY = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'});

export default function render({query, navigate, onLeave}) {
    const today = isoDay(new Date());
    const to = query.get('to') ?? today;
    const from = query.get('from') ?? isoDay(new Date(Date.parse(`${today}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
    const aborter = new AbortController();
    onLeave(() => aborter.abort());

    const fromField = field('From', {name: 'from', type: 'date', value: from, required: true, max: today});
    const toField = field('To', {name: 'to', type: 'date', value: to, required: true, max: today});
    const form = h('form', {class: 'toolbar wide report-range', 'aria-label': 'Report period', novalidate: true,
        onsubmit: event => {
            event.preventDefault();
            const params = new URLSearchParams({from: fromField.control.value, to: toField.control.value});
            navigate(`/admin/report?${params}`);
        }},
    h('div', {class: 'alert', role: 'alert', hidden: true}),
    fromField, toField,
    h('button', {type: 'submit', class: 'primary'}, 'Show'),
    h('p', {class: 'hint report-hint'}, 'Days in UTC, both included; at most 366 days. The figures come from the '
        + 'last run of the ', h('a', {href: '/admin/jobs'}, 'order-report job'), '.'));

    const results = h('div', {class: 'results'});
    const params = new URLSearchParams({from, to});
    const load = async () => {
        replace(results, loading());
        clearErrors(form);
        try {
            const {data} = await request('GET', `/api/admin/reports/daily?${params}`, {signal: aborter.signal});
            replace(results, report(data));
        } catch (error) {
            if (error.name === 'AbortError') {
                return;
            }
            if (error.errors?.length) {
                // A bad period: the field errors go next to From / To.
                showProblem(form, error);
                replace(results);
            } else {
                replace(results, failure(error, load));
            }
        }
    };
    load();

    return page('Daily report', form, results);
}

function report(data) {
    const days = data.days ?? [];
    const period = `${LONG_DAY.format(utc(data.from))} to ${LONG_DAY.format(utc(data.to))}`;
    if (days.length === 0) {
        return empty(`No orders from ${period}.`,
            h('p', {class: 'hint'}, 'The report counts the orders as of the last run of the order-report job: ',
                h('a', {href: '/admin/jobs'}, 'run it'), ' to include the newest ones.'));
    }

    // Orders per day, summed over statuses and currencies; every day of the period gets a bar, zero or not.
    const perDay = new Map();
    for (const row of days) {
        perDay.set(row.day, (perDay.get(row.day) ?? 0) + Number(row.orders));
    }
    const bars = [];
    for (let time = utc(data.from).getTime(); time <= utc(data.to).getTime() && bars.length <= 366; time += DAY_MS) {
        const day = isoDay(new Date(time));
        const orders = perDay.get(day) ?? 0;
        const date = new Date(time);
        bars.push({label: LONG_DAY.format(date), short: SHORT_DAY.format(date), value: orders,
            tip: `${LONG_DAY.format(date)}: ${plural(orders, 'order')}`});
    }
    const total = bars.reduce((sum, bar) => sum + bar.value, 0);
    const busiest = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0]);
    const summary = `${plural(total, 'order')} from ${period} (${plural(bars.length, 'day')}); the busiest day was `
        + `${busiest.label} with ${plural(busiest.value, 'order')}.`;

    // Revenue per currency over the period, exactly.
    const revenue = new Map();
    for (const row of days) {
        const cents = centsOf(row.revenue);
        const sum = revenue.get(row.currency) ?? {cents: 0n, orders: 0, exact: true};
        sum.orders += Number(row.orders);
        if (cents === null) {
            sum.exact = false;
        } else {
            sum.cents += cents;
        }
        revenue.set(row.currency, sum);
    }

    return h('div', {class: 'report'},
        h('div', {class: 'actions report-actions'},
            h('p', {class: 'report-summary'}, summary),
            downloadButton(data.from, data.to)),
        h('figure', {class: 'report-figure'},
            barChart({title: `Orders per day, ${period}`, description: `${summary} The table below lists every figure.`,
                bars, xTitle: 'Day (UTC)', yTitle: 'Orders', className: 'report-chart'}),
            h('figcaption', {class: 'legend'}, 'Orders per day, all statuses and currencies.')),
        h('h2', {}, 'Revenue by currency'),
        scroller('Revenue by currency', h('table', {class: 'report-revenue'},
            h('caption', {class: 'visually-hidden'}, `Revenue by currency, ${period}`),
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Currency'),
                h('th', {scope: 'col', class: 'number'}, 'Orders'),
                h('th', {scope: 'col', class: 'number'}, 'Revenue'))),
            h('tbody', {}, [...revenue.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) =>
                h('tr', {dataset: {currency}},
                    h('th', {scope: 'row'}, currency),
                    h('td', {class: 'number'}, sum.orders),
                    h('td', {class: 'number'}, sum.exact ? money(sum.cents, currency) : '—')))))),
        h('h2', {}, 'Per day, status and currency'),
        scroller('Orders per day', h('table', {class: 'report-days'},
            h('caption', {class: 'visually-hidden'}, `Orders per day, status and currency, ${period}`),
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Day'),
                h('th', {scope: 'col'}, 'Status'),
                h('th', {scope: 'col', class: 'hide-narrow'}, 'Currency'),
                h('th', {scope: 'col', class: 'number'}, 'Orders'),
                h('th', {scope: 'col', class: 'number'}, 'Revenue'))),
            h('tbody', {}, days.map(row => h('tr', {dataset: {day: row.day, status: row.status, currency: row.currency}},
                h('th', {scope: 'row'}, h('time', {datetime: row.day}, LONG_DAY.format(utc(row.day)))),
                h('td', {}, statusBadge(row.status)),
                h('td', {class: 'hide-narrow'}, row.currency),
                h('td', {class: 'number'}, row.orders),
                h('td', {class: 'number'}, centsOf(row.revenue) === null ? `${row.revenue} ${row.currency}`
                    : money(centsOf(row.revenue), row.currency))))))));
}

/** Fetches the same report as CSV with the session's token, then saves it as orders-report-<from>-<to>.csv. */
function downloadButton(from, to) {
    const alert = h('p', {class: 'alert', role: 'alert', hidden: true});
    const button = h('button', {type: 'button', dataset: {action: 'download-csv'}}, 'Download CSV');
    button.addEventListener('click', async () => {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        alert.hidden = true;
        try {
            const {data} = await request('GET', `/api/admin/reports/daily?${new URLSearchParams({from, to})}`,
                {accept: 'text/csv'});
            const url = URL.createObjectURL(new Blob([data], {type: 'text/csv;charset=utf-8'}));
            const name = `orders-report-${from}-${to}.csv`;
            const link = h('a', {href: url, download: name, class: 'visually-hidden', tabindex: '-1'});
            document.body.append(link);
            link.click();
            link.remove();
            // Revoked once the click has handed the file to the browser's download.
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
            announce(`Downloading ${name}.`);
        } catch (error) {
            alert.textContent = describe(error);
            alert.hidden = false;
        } finally {
            button.disabled = false;
            button.removeAttribute('aria-busy');
        }
    });
    return h('div', {class: 'report-download'}, button, alert);
}

/** "24.60" → 2460n (any number of whole digits, up to 2 decimals); null if it is not such a decimal. */
function centsOf(text) {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
    if (!match) {
        return null;
    }
    const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
    return match[1] ? -cents : cents;
}

function money(cents, currency) {
    return /^[A-Z]{3}$/.test(currency) ? display(cents, currency) : `${formatCents(cents)} ${currency}`;
}

function utc(day) {
    return new Date(`${day}T00:00:00Z`);
}

function isoDay(date) {
    return date.toISOString().slice(0, 10);
}

function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
