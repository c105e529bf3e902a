// The signed-in user's account: name and email (an email change needs the current password), and a password
// change (current password, new one twice). A password change revokes every access token issued so far; the API
// client simply refreshes through the cookie on the next call.
import {api, currentUser, reloadUser} from '../api.js';
import {h} from '../dom.js';
import {busy, clearErrors, field, formAlert, showAlert, showFieldErrors, showProblem} from '../forms.js';
import {announce, page} from '../ui.js';

export default function render() {
    return page('Profile', detailsForm(), passwordForm());
}

function detailsForm() {
    const user = currentUser();
    const name = field('Full name', {name: 'full_name', value: user.full_name ?? '', maxlength: 200, autocomplete: 'name'});
    const email = field('Email', {name: 'email', type: 'email', value: user.email, autocomplete: 'email', required: true});
    const current = field('Current password', {name: 'current_password', type: 'password',
        autocomplete: 'current-password', hint: 'Needed only to change your email address.'});
    const done = h('div', {class: 'notice', role: 'status', hidden: true});
    const form = h('form', {novalidate: true, 'aria-labelledby': 'details-heading'},
        h('h2', {id: 'details-heading'}, 'Your details'), formAlert(), done, name, email, current,
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Save details')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        done.hidden = true;
        const changes = {};
        if (name.control.value.trim() !== (currentUser().full_name ?? '')) {
            changes.full_name = name.control.value.trim();
        }
        if (email.control.value.trim() !== currentUser().email) {
            changes.email = email.control.value.trim();
            if (!current.control.value) {
                showFieldErrors(form, [{field: 'current_password', message: 'is needed to change your email'}]);
                return;
            }
            changes.current_password = current.control.value;
        }
        if (Object.keys(changes).length === 0) {
            showAlert(form, 'Nothing to save: change your name or email first.');
            return;
        }
        await save(form, changes, () => {
            current.control.value = '';
            done.textContent = 'Your details are saved.';
            done.hidden = false;
        });
    });
    return form;
}

function passwordForm() {
    const current = field('Current password', {name: 'current_password', type: 'password',
        autocomplete: 'current-password', required: true});
    const next = field('New password', {name: 'password', type: 'password', autocomplete: 'new-password',
        required: true, hint: '8 to 128 characters; not your email address and not a common password.'});
    const again = field('New password again', {name: 'password_again', type: 'password', autocomplete: 'new-password',
        required: true});
    const done = h('div', {class: 'notice', role: 'status', hidden: true});
    const form = h('form', {novalidate: true, 'aria-labelledby': 'password-heading'},
        h('h2', {id: 'password-heading'}, 'Change password'), formAlert(), done, current, next, again,
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Change password')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        done.hidden = true;
        const errors = [];
        if (!current.control.value) {
            errors.push({field: 'current_password', message: 'must not be blank'});
        }
        if (next.control.value.length < 8 || next.control.value.length > 128) {
            errors.push({field: 'password', message: 'must be 8 to 128 characters long'});
        } else if (next.control.value !== again.control.value) {
            errors.push({field: 'password_again', message: 'does not match the new password'});
        }
        if (errors.length) {
            showFieldErrors(form, errors, 'Please correct the highlighted fields.');
            return;
        }
        await save(form, {password: next.control.value, current_password: current.control.value}, () => {
            for (const input of form.querySelectorAll('input')) {
                input.value = '';
            }
            done.textContent = 'Your password is changed. Other devices have been signed out.';
            done.hidden = false;
        });
    });
    return form;
}

async function save(form, changes, onSaved) {
    await busy(form, async () => {
        try {
            await api.patch('/api/users/me', changes);
            await reloadUser();
            onSaved();
            announce('Saved.');
        } catch (error) {
            if (error.status === 403) {
                showFieldErrors(form, [{field: 'current_password', message: 'is not your current password'}]);
            } else if (error.status === 429 && error.retryAfter) {
                showAlert(form, `Too many wrong passwords. Try again in ${error.retryAfter} seconds.`);
            } else {
                showProblem(form, error);
            }
        }
    });
}
