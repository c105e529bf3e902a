// The app's entry point: signs the user back in from the refresh cookie, draws the navigation for who is signed in,
// and hands the page to the router.
import {currentUser, isSuperuser, logout, onSessionChange, restoreSession} from './api.js';
import {h, replace} from './dom.js';
import {navigate, refresh, route, start} from './router.js';
import {describe} from './forms.js';
import {announce, failure, page} from './ui.js';

route('/login', () => import('./views/login.js'), {access: 'guest'});
route('/signup', () => import('./views/signup.js'), {access: 'guest'});
route('/orders', () => import('./views/orders.js'));
route('/orders/new', () => import('./views/order-form.js'));
route('/orders/:id', () => import('./views/order-detail.js'));
route('/orders/:id/edit', () => import('./views/order-form.js'));
route('/profile', () => import('./views/profile.js'));
route('/admin', () => import('./views/admin-users.js'), {access: 'admin'});
route('/admin/users', () => import('./views/admin-users.js'), {access: 'admin'});
route('/admin/queue', () => import('./views/admin-queue.js'), {access: 'admin'});
route('/admin/jobs', () => import('./views/admin-jobs.js'), {access: 'admin'});
route('/admin/report', () => import('./views/admin-report.js'), {access: 'admin'});

const nav = document.getElementById('nav');
const main = document.getElementById('main');

function drawNavigation() {
    const user = currentUser();
    const link = (href, text) => h('li', {}, h('a', {href, 'aria-current': isCurrent(href) ? 'page' : null}, text));
    if (!user) {
        replace(nav, h('ul', {}, link('/login', 'Log in'), link('/signup', 'Sign up')));
        return;
    }
    replace(nav,
        h('ul', {}, link('/orders', 'Orders'), link('/orders/new', 'New order'),
            isSuperuser() ? [link('/admin/users', 'Users'), link('/admin/queue', 'Queue'), link('/admin/jobs', 'Jobs'),
                link('/admin/report', 'Report')] : null,
            link('/profile', 'Profile')),
        h('div', {class: 'who'},
            h('span', {class: 'user-name', title: user.email}, user.full_name || user.email),
            h('button', {type: 'button', class: 'link-button', onclick: signOut}, 'Log out')));
}

function isCurrent(href) {
    const path = location.pathname === '/' ? '/orders' : location.pathname;
    return href === '/orders' ? path === '/orders' : path === href || path.startsWith(`${href}/`);
}

async function signOut() {
    try {
        await logout();
    } catch (error) {
        announce(`You are still logged in: ${describe(error)}`);
        return;
    }
    announce('You are logged out.');
    navigate('/login');
}

onSessionChange(user => {
    drawNavigation();
    if (!user && !['/login', '/signup'].includes(location.pathname)) {
        refresh();
    }
});

/** Signs the user back in (the refresh cookie), then starts the router; an unreachable API is said, with Retry. */
async function boot() {
    try {
        await restoreSession();
    } catch (error) {
        replace(main, page('Order Platform', failure(error, boot)));
        main.querySelector('button')?.focus();
        return;
    }
    drawNavigation();
    await start(main, drawNavigation);
}

boot();
