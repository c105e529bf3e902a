// Sign up, then straight in: the account is created, then logged in with the same credentials.
import {login, register} from '../api.js';
import {h} from '../dom.js';
import {busy, clearErrors, field, formAlert, showAlert, showFieldErrors, showProblem} from '../forms.js';
import {announce, page, waitText} from '../ui.js';

export default function render({navigate}) {
    const name = field('Full name', {name: 'full_name', autocomplete: 'name', maxlength: 200});
    const email = field('Email', {name: 'email', type: 'email', autocomplete: 'email', required: true});
    const password = field('Password', {name: 'password', type: 'password', autocomplete: 'new-password',
        required: true, minlength: 8, maxlength: 128,
        hint: '8 to 128 characters; not your email address and not a common password.'});
    const form = h('form', {novalidate: true, 'aria-label': 'Sign up'}, formAlert(), name, email, password,
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Create account'),
            h('span', {}, 'Have an account? ', h('a', {href: '/login'}, 'Log in'))));

    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        const errors = checkLocally(email.control.value.trim(), password.control.value);
        if (errors.length) {
            showFieldErrors(form, errors, 'Please correct the highlighted fields.');
            return;
        }
        await busy(form, async () => {
            try {
                await register(name.control.value.trim(), email.control.value.trim(), password.control.value);
            } catch (error) {
                if (error.status === 429 && error.retryAfter) {
                    showAlert(form, `Too many sign-ups from this address. Try again in ${waitText(error.retryAfter)}.`);
                } else {
                    showProblem(form, error);
                }
                return;
            }
            try {
                await login(email.control.value.trim(), password.control.value);
                announce('Your account is ready.');
                navigate('/orders', {replace: true});
            } catch {
                // The account exists; only signing in failed (throttled, unreachable): log in on the next screen.
                announce('Your account is ready; please log in.');
                navigate('/login', {replace: true});
            }
        });
    });
    return page('Create your account', form);
}

/** The API's rules that need no server: it checks them again (and the common-password list) anyway. */
function checkLocally(email, password) {
    const errors = [];
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
        errors.push({field: 'email', message: 'must be a valid email address'});
    }
    if (password.length < 8 || password.length > 128) {
        errors.push({field: 'password', message: 'must be 8 to 128 characters long'});
    } else if (password.trim().toLowerCase() === email.toLowerCase()) {
        errors.push({field: 'password', message: 'must not be the email address'});
    }
    return errors;
}
