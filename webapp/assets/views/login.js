// Log in. Wrong credentials and validation errors appear in the form; a 429 says how long to wait and keeps the
// button disabled until then.
import {ApiError, login} from '../api.js';
import {h} from '../dom.js';
import {busy, clearErrors, field, formAlert, showAlert, showProblem} from '../forms.js';
import {announce, page, waitText} from '../ui.js';

export default function render({navigate, query}) {
    const email = field('Email', {name: 'email', type: 'email', autocomplete: 'username', required: true});
    const password = field('Password', {name: 'password', type: 'password', autocomplete: 'current-password',
        required: true});
    const submit = h('button', {type: 'submit', class: 'primary'}, 'Log in');
    const form = h('form', {novalidate: true, 'aria-label': 'Log in'}, formAlert(), email, password,
        h('div', {class: 'actions'}, submit, h('span', {}, 'New here? ', h('a', {href: '/signup'}, 'Create an account'))));

    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        let wait = null;
        await busy(form, async () => {
            try {
                const user = await login(email.control.value.trim(), password.control.value);
                announce(`Welcome, ${user.full_name || user.email}.`);
                navigate(safeNext(query.get('next')), {replace: true});
            } catch (error) {
                if (!(error instanceof ApiError)) {
                    throw error;
                }
                if (error.status === 429 && error.retryAfter) {
                    showAlert(form, `Too many attempts. Try again in ${waitText(error.retryAfter)}.`);
                    wait = error.retryAfter;
                } else if (error.status === 401) {
                    showAlert(form, 'Incorrect email or password.');
                    password.control.focus();
                } else {
                    showProblem(form, error);
                }
            }
        });
        if (wait) {
            holdUntil(submit, wait);
        }
    });
    return page('Log in', form);
}

/** Only addresses of this app: a next= parameter must never send the user to another site. */
function safeNext(next) {
    try {
        const url = new URL(next ?? '', location.origin);
        return next && url.origin === location.origin ? url.pathname + url.search : '/orders';
    } catch {
        return '/orders';
    }
}

/** Keeps the button disabled while the server would refuse anyway, with the time left on it. */
function holdUntil(button, seconds) {
    const label = button.textContent;
    const end = Date.now() + seconds * 1000;
    const tick = () => {
        const left = Math.ceil((end - Date.now()) / 1000);
        if (left <= 0 || !button.isConnected) {
            button.textContent = label;
            button.disabled = false;
            return;
        }
        button.disabled = true;
        button.textContent = `${label} (${left} s)`;
        setTimeout(tick, 1000);
    };
    tick();
}
