// The orders list: filter by status, sort, page through; every badge of an order still in progress updates live.
// Filter, sort and page live in the URL, so reload, back and a shared link show the same list.
import {api, isSuperuser} from '../api.js';
import {dateTime, h, setBadge, shortId, statusBadge, STATUSES} from '../dom.js';
import {field} from '../forms.js';
import {display} from '../money.js';
import {followStatus, TERMINAL} from '../live.js';
import {empty, loadInto, page, pager, scroller} from '../ui.js';

const SORTS = [
    ['created_at,desc', 'Newest first'], ['created_at,asc', 'Oldest first'],
    ['updated_at,desc', 'Recently changed'], ['total,desc', 'Highest total'], ['total,asc', 'Lowest total'],
];
const PAGE_SIZE = 10;

export default function render({query, navigate, onLeave, signal}) {
    const state = {
        status: STATUSES.includes(query.get('status')) ? query.get('status') : '',
        sort: SORTS.some(([value]) => value === query.get('sort')) ? query.get('sort') : SORTS[0][0],
        page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
        all: isSuperuser() && query.get('all') === 'true',
    };
    const go = changes => {
        const next = {...state, ...changes};
        const params = new URLSearchParams();
        if (next.status) {
            params.set('status', next.status);
        }
        if (next.sort !== SORTS[0][0]) {
            params.set('sort', next.sort);
        }
        if (next.page > 1) {
            params.set('page', String(next.page));
        }
        if (next.all) {
            params.set('all', 'true');
        }
        const search = params.toString();
        navigate(`/orders${search ? `?${search}` : ''}`);
    };

    const status = field('Status', {tag: 'select', name: 'status',
        options: [['', 'All statuses'], ...STATUSES.map(value => [value, value[0] + value.slice(1).toLowerCase()])]});
    status.control.value = state.status;
    status.control.addEventListener('change', () => go({status: status.control.value, page: 1}));
    const sort = field('Sort', {tag: 'select', name: 'sort', options: SORTS});
    sort.control.value = state.sort;
    sort.control.addEventListener('change', () => go({sort: sort.control.value, page: 1}));
    const everyone = isSuperuser()
        ? h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'all', checked: state.all,
            onchange: event => go({all: event.target.checked, page: 1})}), ' Every user\'s orders')
        : null;

    const results = h('div', {class: 'results'});
    // The live badges of the rows on show; a redraw (Retry) stops those of the rows it replaces.
    const stops = [];
    const follow = (id, onStatus) => {
        const stop = followStatus(id, onStatus);
        stops.push(stop);
        onLeave(stop);
    };

    const params = new URLSearchParams({page: String(state.page), size: String(PAGE_SIZE), sort: state.sort});
    if (state.status) {
        params.set('status', state.status);
    }
    if (state.all) {
        params.set('all', 'true');
    }
    loadInto(results, () => api.get(`/api/orders?${params}`, {signal}), result => {
        stops.splice(0).forEach(stop => stop());
        if (result.items.length === 0) {
            return state.status || state.page > 1
                ? empty('No orders match this filter.', h('button', {type: 'button', onclick: () => go({status: '', page: 1})},
                    'Show all orders'))
                : empty('You have no orders yet.', h('a', {class: 'button primary', href: '/orders/new'},
                    'Place your first order'));
        }
        return h('div', {},
            scroller('Orders', h('table', {},
                h('caption', {class: 'visually-hidden'}, 'Orders'),
                h('thead', {}, h('tr', {},
                    h('th', {scope: 'col'}, 'Order'), h('th', {scope: 'col'}, 'Status'),
                    h('th', {scope: 'col', class: 'hide-narrow'}, 'Created'),
                    h('th', {scope: 'col', class: 'number hide-narrow'}, 'Items'),
                    state.all ? h('th', {scope: 'col', class: 'hide-narrow'}, 'Owner') : null,
                    h('th', {scope: 'col', class: 'number'}, 'Total'))),
                h('tbody', {}, result.items.map(order => row(order, state.all, follow))))),
            pager(result, number => go({page: number})));
    }, signal);

    return page('Orders',
        h('div', {class: 'toolbar'}, status, sort, everyone,
            h('a', {class: 'button primary', href: '/orders/new'}, 'New order')),
        results);
}

function row(order, showOwner, follow) {
    const badge = statusBadge(order.status);
    if (!TERMINAL.has(order.status)) {
        follow(order.id, next => setBadge(badge, next));
    }
    return h('tr', {dataset: {orderId: order.id}},
        h('td', {}, h('a', {href: `/orders/${order.id}`, class: 'mono', 'aria-label': `Order ${shortId(order.id)}`},
            shortId(order.id))),
        h('td', {'aria-live': 'polite'}, badge),
        h('td', {class: 'hide-narrow'}, dateTime(order.created_at)),
        h('td', {class: 'number hide-narrow'}, order.items.reduce((sum, line) => sum + line.quantity, 0)),
        showOwner ? h('td', {class: 'hide-narrow'}, order.owner_id) : null,
        h('td', {class: 'number'}, display(order.total, order.currency)));
}
