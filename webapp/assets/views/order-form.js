// Create or edit an order. The form checks what the API checks (so most mistakes are caught before a round trip),
// shows the API's own field errors next to the same fields, computes the total exactly (money.js), and sends the
// version it was loaded at as If-Match, so a change made elsewhere in between is a 412, never silently overwritten.
import {request} from '../api.js';
import {h, replace, shortId} from '../dom.js';
import {busy, clearErrors, field, formAlert, showFieldErrors, showProblem} from '../forms.js';
import {display, formatCents, lineTotal} from '../money.js';
import {announce, failure, loading, page} from '../ui.js';

const MAX_LINES = 100;
const SKU = /^[A-Za-z0-9._-]+$/;
const CURRENCY = /^[A-Z]{3}$/;

export default async function render({params, navigate}) {
    if (!params.id) {
        return page('New order', orderForm({navigate}));
    }
    const container = h('div', {}, loading());
    const view = page(`Edit order ${shortId(params.id)}`, container);
    const load = async () => {
        replace(container, loading());
        try {
            const {data: order, headers} = await request('GET', `/api/orders/${params.id}`);
            replace(container, order.status === 'PENDING'
                ? orderForm({navigate, order, etag: headers.get('ETag')})
                : h('div', {class: 'state state-empty'},
                    h('p', {}, 'Only a pending order can be changed; this one is ', order.status.toLowerCase(), '.'),
                    h('a', {href: `/orders/${order.id}`}, 'Back to the order')));
        } catch (error) {
            replace(container, failure(error, load));
        }
    };
    await load();
    return view;
}

function orderForm({navigate, order, etag}) {
    const lines = h('div', {class: 'lines'});
    const total = h('p', {class: 'total', 'aria-live': 'polite'});
    const currency = field('Currency', {name: 'currency', value: order?.currency ?? 'USD', maxlength: 3,
        autocomplete: 'off', hint: 'ISO 4217 code, e.g. USD or EUR', class: 'short'});
    const notes = field('Notes (optional)', {tag: 'textarea', name: 'notes', maxlength: 2000, rows: 3});
    notes.control.value = order?.notes ?? '';
    const addLine = h('button', {type: 'button', onclick: () => {
        lines.append(lineRow({quantity: 1}, update));
        update();
        lines.lastElementChild.querySelector('input').focus();
    }}, '+ Add line');
    // One key per form: a retried or double-clicked "Place order" creates one order, not two.
    const idempotencyKey = randomKey();
    const form = h('form', {novalidate: true, class: 'wide', 'aria-label': order ? 'Edit order' : 'New order'},
        formAlert(), h('fieldset', {}, h('legend', {}, 'Items'), lines, h('div', {class: 'actions'}, addLine)),
        total, currency, notes,
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, order ? 'Save changes' : 'Place order'),
            h('a', {href: order ? `/orders/${order.id}` : '/orders'}, 'Cancel')));

    function update() {
        [...lines.children].forEach((row, index) => row.renumber(index, lines.children.length));
        addLine.disabled = lines.children.length >= MAX_LINES;
        let sum = 0n;
        let complete = true;
        for (const row of lines.children) {
            const cents = row.total();
            complete &&= cents !== null;
            sum += cents ?? 0n;
        }
        const code = currency.control.value.trim().toUpperCase();
        total.textContent = `Total: ${CURRENCY.test(code) ? display(sum, code) : formatCents(sum)}`
            + (complete ? '' : ' (some lines are incomplete)');
    }

    for (const item of order?.items ?? [{quantity: 1}]) {
        lines.append(lineRow(item, update));
    }
    currency.control.addEventListener('input', update);
    update();

    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        const body = {
            items: [...lines.children].map(row => row.value()),
            currency: currency.control.value.trim().toUpperCase(),
            notes: notes.control.value.trim() || null,
        };
        const errors = validate(body);
        if (errors.length) {
            showFieldErrors(form, errors, 'Please correct the highlighted fields.');
            return;
        }
        await busy(form, async () => {
            try {
                const {data: saved} = order
                    ? await request('PUT', `/api/orders/${order.id}`, {json: body, headers: {'If-Match': etag}})
                    : await request('POST', '/api/orders', {json: body, headers: {'Idempotency-Key': idempotencyKey}});
                announce(order ? 'Order saved.' : 'Order placed.');
                navigate(`/orders/${saved.id}`);
            } catch (error) {
                if (error.status === 412) {
                    showChangedElsewhere(form, order.id, navigate);
                } else {
                    showProblem(form, error);
                }
            }
        });
    });
    return form;
}

/** One line item; its inputs are named like the API's field paths (items[2].unit_price). */
function lineRow(item, onChange) {
    const sku = field('SKU', {name: 'sku', value: item.sku ?? '', maxlength: 64, autocomplete: 'off'});
    const name = field('Product', {name: 'name', value: item.name ?? '', maxlength: 200, autocomplete: 'off'});
    name.classList.add('field-name');
    const quantity = field('Quantity', {name: 'quantity', type: 'number', min: 1, max: 10000, step: 1,
        inputmode: 'numeric', value: item.quantity ?? 1});
    const price = field('Unit price', {name: 'unit_price', inputmode: 'decimal', value: item.unit_price ?? '',
        placeholder: '0.00', autocomplete: 'off'});
    const amount = h('output', {class: 'line-total'});
    const remove = h('button', {type: 'button', class: 'link-button'}, 'Remove');
    const row = h('div', {class: 'line'}, sku, name, quantity, price,
        h('div', {class: 'field'}, h('span', {class: 'label'}, 'Line total'), amount), remove);
    row.addEventListener('input', onChange);
    remove.addEventListener('click', () => {
        const next = row.nextElementSibling ?? row.previousElementSibling;
        row.remove();
        onChange();
        (next?.querySelector('input') ?? document.querySelector('form button'))?.focus();
    });

    row.renumber = (index, count) => {
        for (const [wrapper, key] of [[sku, 'sku'], [name, 'name'], [quantity, 'quantity'], [price, 'unit_price']]) {
            wrapper.control.name = `items[${index}].${key}`;
        }
        row.setAttribute('aria-label', `Line ${index + 1}`);
        row.setAttribute('role', 'group');
        remove.setAttribute('aria-label', `Remove line ${index + 1}`);
        remove.disabled = count <= 1;
    };
    row.total = () => lineTotal(quantity.control.value, price.control.value);
    row.value = () => ({
        sku: sku.control.value.trim(),
        name: name.control.value.trim(),
        quantity: /^\d+$/.test(quantity.control.value.trim()) ? Number(quantity.control.value.trim()) : quantity.control.value,
        unit_price: price.control.value.trim(),
    });
    row.update = () => {
        const cents = row.total();
        amount.textContent = cents === null ? '—' : formatCents(cents);
    };
    row.addEventListener('input', row.update);
    row.update();
    return row;
}

/** The API's rules for an order (OrderRequest), checked before sending. */
export function validate({items, currency, notes}) {
    const errors = [];
    items.forEach((item, index) => {
        const at = key => `items[${index}].${key}`;
        if (!item.sku) {
            errors.push({field: at('sku'), message: 'must not be blank'});
        } else if (!SKU.test(item.sku)) {
            errors.push({field: at('sku'), message: "may contain only letters, digits, '.', '_' and '-'"});
        }
        if (!item.name) {
            errors.push({field: at('name'), message: 'must not be blank'});
        }
        if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 10000) {
            errors.push({field: at('quantity'), message: 'must be a whole number from 1 to 10000'});
        }
        if (lineTotal(1, item.unit_price) === null) {
            errors.push({field: at('unit_price'), message: 'must be an amount like 12.50 (up to 10 digits, 2 decimals)'});
        }
    });
    if (!CURRENCY.test(currency)) {
        errors.push({field: 'currency', message: 'must be an ISO 4217 code such as USD'});
    }
    if (notes && notes.length > 2000) {
        errors.push({field: 'notes', message: 'must be at most 2000 characters'});
    }
    return errors;
}

function showChangedElsewhere(form, id, navigate) {
    const alert = form.querySelector('.alert');
    replace(alert, 'This order was changed elsewhere since you opened it. ',
        h('button', {type: 'button', class: 'link-button', onclick: () => navigate(`/orders/${id}/edit`, {replace: true})},
            'Reload the latest version'), ' and make your changes again.');
    alert.hidden = false;
}

/** A random UUID; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
function randomKey() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return [...bytes].map(byte => byte.toString(16).padStart(2, '0')).join('');
}
