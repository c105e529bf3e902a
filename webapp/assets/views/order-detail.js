// One order: its lines, total, live status and the status timeline (from the history endpoint), with the actions
// its status allows. A status change seen live reloads the timeline and the actions.
import {api} from '../api.js';
import {dateTime, h, replace, shortId, statusBadge} from '../dom.js';
import {describe} from '../forms.js';
import {followStatus, TERMINAL} from '../live.js';
import {display} from '../money.js';
import {announce, confirmDialog, failure, loading, page, scroller} from '../ui.js';

export default async function render({params, navigate, onLeave, signal}) {
    const id = params.id;
    const container = h('div', {}, loading());
    const view = page(`Order ${shortId(id)}`, container);
    let following = false;

    const load = async () => {
        try {
            const [order, history] = await Promise.all([
                api.get(`/api/orders/${id}`, {signal}), api.get(`/api/orders/${id}/history`, {signal})]);
            if (signal.aborted) {
                return;
            }
            const focusedAction = document.activeElement?.dataset?.focusKey;
            replace(container, details(order, history, {navigate, reload: load}));
            // After an action the focus stays with the order: on the same action if it is still there, else on
            // the heading.
            if (focusedAction) {
                (container.querySelector(`[data-focus-key="${focusedAction}"]`) ?? view.querySelector('h1')).focus();
            }
            if (!following && !TERMINAL.has(order.status)) {
                following = true;
                onLeave(followStatus(id, status => {
                    if (status !== container.querySelector('[data-status]')?.dataset.status) {
                        load();
                    }
                }));
            }
        } catch (error) {
            if (error.name === 'AbortError' || signal.aborted) {
                return;
            }
            replace(container, error.status === 404
                ? h('div', {class: 'state state-empty'}, h('p', {}, 'There is no such order among yours.'),
                    h('a', {href: '/orders'}, 'Back to your orders'))
                : failure(error, load));
        }
    };
    await load();
    return view;
}

function details(order, history, {navigate, reload}) {
    const message = h('div', {class: 'alert', role: 'alert', hidden: true});
    const act = async (button, question, label, work, done, after = reload) => {
        if (!(await confirmDialog(question, label))) {
            return;
        }
        button.disabled = true; // one request per confirmation, however often it is clicked
        try {
            await work();
            announce(done);
        } catch (error) {
            button.disabled = false;
            message.textContent = describe(error);
            message.hidden = false;
            message.setAttribute('tabindex', '-1');
            message.focus();
            return;
        }
        after();
    };
    const canEdit = order.status === 'PENDING';
    const canDelete = order.status !== 'PROCESSING';
    return h('div', {class: 'order'},
        message,
        h('div', {class: 'panel'}, h('dl', {class: 'facts'},
            h('dt', {}, 'Status'), h('dd', {'aria-live': 'polite'}, statusBadge(order.status),
                order.status_reason ? h('span', {class: 'hint'}, ` ${order.status_reason}`) : null),
            h('dt', {}, 'Total'), h('dd', {class: 'total-value'}, display(order.total, order.currency)),
            h('dt', {}, 'Placed'), h('dd', {}, dateTime(order.created_at)),
            h('dt', {}, 'Last change'), h('dd', {}, dateTime(order.updated_at)),
            h('dt', {}, 'Order id'), h('dd', {class: 'mono'}, order.id),
            order.notes ? [h('dt', {}, 'Notes'), h('dd', {class: 'notes'}, order.notes)] : null)),
        h('div', {class: 'actions'},
            canEdit ? h('a', {class: 'button', href: `/orders/${order.id}/edit`}, 'Edit') : null,
            canEdit ? h('button', {type: 'button', class: 'cancel-order', dataset: {focusKey: 'cancel'},
                onclick: event => act(event.currentTarget, 'Cancel this order?', 'Cancel order',
                    () => api.post(`/api/orders/${order.id}/cancel`), 'Order cancelled.')}, 'Cancel order') : null,
            canDelete ? h('button', {type: 'button', class: 'danger', dataset: {focusKey: 'delete'},
                onclick: event => act(event.currentTarget, 'Delete this order for good?', 'Delete order',
                    () => api.delete(`/api/orders/${order.id}`), 'Order deleted.', () => navigate('/orders'))},
            'Delete') : null,
            h('a', {href: '/orders'}, 'All orders')),
        h('h2', {}, 'Items'),
        scroller('Items', h('table', {},
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Product'), h('th', {scope: 'col', class: 'hide-narrow'}, 'SKU'),
                h('th', {scope: 'col', class: 'number'}, 'Qty'), h('th', {scope: 'col', class: 'number hide-narrow'}, 'Unit price'),
                h('th', {scope: 'col', class: 'number'}, 'Line total'))),
            h('tbody', {}, order.items.map(line => h('tr', {},
                h('td', {}, line.name), h('td', {class: 'mono hide-narrow'}, line.sku),
                h('td', {class: 'number'}, line.quantity),
                h('td', {class: 'number hide-narrow'}, display(line.unit_price, order.currency)),
                h('td', {class: 'number'}, display(line.line_total, order.currency))))))),
        h('h2', {}, 'Status timeline'),
        history.items.length === 0
            ? h('p', {class: 'state'}, 'No status changes yet.')
            : h('ol', {class: 'timeline'}, history.items.map(entry => h('li', {},
                h('time', {datetime: entry.changed_at}, dateTime(entry.changed_at)),
                entry.from_status ? [statusBadge(entry.from_status), ' → '] : 'Placed as ', statusBadge(entry.to_status),
                entry.reason ? h('span', {class: 'hint'}, ` ${entry.reason}`) : null))));
}
