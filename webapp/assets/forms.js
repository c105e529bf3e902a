// Labelled form controls and the one way problems are shown on a form: each field error next to its field
// (aria-invalid + aria-describedby, so a screen reader reads it), everything else in the form's alert.
import {h, uid} from './dom.js';

/**
 * A labelled input (or select/textarea via tag) whose name is the API's field path (e.g. "items[0].sku"), so an
 * API field error finds it. Returns the wrapper; the control is wrapper.control.
 */
export function field(labelText, {tag = 'input', name, hint, options, ...attributes}) {
    const id = uid(name?.replace(/[^a-z0-9]/gi, '-') ?? 'field');
    const errorId = `${id}-error`;
    const hintId = hint ? `${id}-hint` : null;
    const control = tag === 'select'
        ? h('select', {id, name, ...attributes}, (options ?? []).map(([value, text]) => h('option', {value}, text)))
        : h(tag, {id, name, ...attributes});
    control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
    const wrapper = h('div', {class: 'field'},
        h('label', {for: id}, labelText),
        control,
        hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
        h('p', {class: 'field-error', id: errorId, hidden: true}));
    wrapper.control = control;
    return wrapper;
}

/** The form's alert area (role=alert: announced when it changes). */
export function formAlert() {
    return h('div', {class: 'alert', role: 'alert', hidden: true});
}

export function clearErrors(form) {
    for (const control of form.querySelectorAll('[aria-invalid]')) {
        control.removeAttribute('aria-invalid');
    }
    for (const message of form.querySelectorAll('.field-error')) {
        message.hidden = true;
        message.textContent = '';
    }
    const alert = form.querySelector('.alert');
    if (alert) {
        alert.hidden = true;
        alert.textContent = '';
    }
}

/** Field errors [{field, message}] next to their fields; those without a field on the form go to the alert. */
export function showFieldErrors(form, errors, summary) {
    const unplaced = [];
    let first = null;
    for (const {field: name, message} of errors) {
        const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
        if (!control) {
            unplaced.push(name ? `${name}: ${message}` : message);
            continue;
        }
        control.setAttribute('aria-invalid', 'true');
        const text = document.getElementById(`${control.id}-error`);
        text.textContent = text.textContent ? `${text.textContent}; ${message}` : message;
        text.hidden = false;
        first ??= control;
    }
    if (summary || unplaced.length) {
        showAlert(form, [summary, ...unplaced].filter(Boolean).join(' '));
    }
    first?.focus();
}

/** An ApiError on a form: its field errors in place, its detail in the alert. */
export function showProblem(form, error) {
    clearErrors(form);
    const errors = error.errors ?? [];
    const summary = errors.length ? 'Please correct the highlighted fields.' : describe(error);
    showFieldErrors(form, errors, summary);
}

export function showAlert(form, text) {
    const alert = form.querySelector('.alert');
    alert.textContent = text;
    alert.hidden = false;
}

/** What a user should read for an ApiError. */
export function describe(error) {
    if (error.unreachable) {
        return `${error.title}: ${error.detail}`;
    }
    if (error.detail && error.title && !error.detail.startsWith(error.title)) {
        return `${error.title}: ${error.detail}`;
    }
    return error.detail || error.title || String(error);
}

/** Disables the form's submit button while work runs, so a double click sends one request. */
export async function busy(form, work) {
    const button = form.querySelector('button[type="submit"]');
    if (button) {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
    }
    try {
        return await work();
    } finally {
        if (button) {
            button.disabled = false;
            button.removeAttribute('aria-busy');
        }
    }
}
