// Superuser: start the batch jobs and follow their runs. The API has no list of executions, so the runs started
// from this page are kept in this module (they survive leaving the page and coming back, not a reload) and each is
// polled every second until it ends. Its status cell is a live region: a screen reader hears "Completed".
import {api} from '../api.js';
import {dateTime, h, replace} from '../dom.js';
import {describe} from '../forms.js';
import {announce, empty, page, scroller} from '../ui.js';

const POLL_MS = 1000;
const ENDED = new Set(['COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED']);

const JOBS = [
    {name: 'order-reconciliation', title: 'Order reconciliation',
        description: 'Requeues orders stuck in processing, gives up on the hopeless ones and purges what has '
            + 'outlived its retention.'},
    {name: 'order-report', title: 'Daily order report',
        description: 'Rebuilds the daily report (orders and revenue per day, status and currency) shown on the '
            + 'Report page.'},
];

/** The runs started from this page in this browser tab, newest first. */
const executions = [];

export default function render({onLeave}) {
    const rows = new Map();
    const tableBody = h('tbody', {});
    const runs = h('div', {class: 'results'});
    const drawRuns = () => {
        if (executions.length === 0) {
            replace(runs, empty('No job started from this page yet. Runs started here are followed until they end.'));
            return;
        }
        if (!runs.contains(tableBody)) {
            replace(runs, scroller('Job runs', h('table', {class: 'executions'},
                h('caption', {class: 'visually-hidden'}, 'Runs started from this page'),
                h('thead', {}, h('tr', {},
                    h('th', {scope: 'col', class: 'number'}, 'Run'),
                    h('th', {scope: 'col'}, 'Job'),
                    h('th', {scope: 'col'}, 'Status'),
                    h('th', {scope: 'col', class: 'hide-narrow'}, 'Exit status'),
                    h('th', {scope: 'col', class: 'hide-narrow'}, 'Started'),
                    h('th', {scope: 'col'}, 'Ended'))),
                tableBody)));
        }
        for (const execution of executions) {
            let row = rows.get(execution.execution_id);
            if (!row) {
                row = executionRow(execution);
                rows.set(execution.execution_id, row);
                tableBody.prepend(row.tr);
            }
            row.update(execution);
        }
    };

    // Poll every unfinished run; one round at a time.
    let polling = false;
    const poll = async () => {
        if (polling) {
            return;
        }
        polling = true;
        try {
            await Promise.all(executions.filter(execution => !ENDED.has(execution.batch_status) && !execution.gone)
                .map(async execution => {
                    try {
                        Object.assign(execution, await api.get(`/api/admin/jobs/executions/${execution.execution_id}`),
                            {problem: null});
                    } catch (error) {
                        execution.problem = describe(error);
                        execution.gone = error.status === 404;
                    }
                }));
            drawRuns();
        } finally {
            polling = false;
        }
    };
    const timer = setInterval(poll, POLL_MS);
    onLeave(() => clearInterval(timer));

    const cards = JOBS.map(job => {
        const headingId = `job-${job.name}`;
        const alert = h('div', {class: 'alert', role: 'alert', hidden: true});
        const start = h('button', {type: 'button', class: 'primary', dataset: {action: 'start', job: job.name},
            'aria-label': `Start ${job.title}`}, 'Start');
        start.addEventListener('click', async () => {
            start.disabled = true;
            start.setAttribute('aria-busy', 'true');
            alert.hidden = true;
            try {
                const {execution_id: id} = await api.post(`/api/admin/jobs/${job.name}`);
                executions.unshift({execution_id: id, job_name: job.name, batch_status: 'STARTING'});
                drawRuns();
                announce(`${job.title} started as run ${id}.`);
                poll();
            } catch (error) {
                alert.textContent = describe(error);
                alert.hidden = false;
            } finally {
                start.disabled = false;
                start.removeAttribute('aria-busy');
            }
        });
        return h('section', {class: 'card job-card', 'aria-labelledby': headingId, dataset: {job: job.name}},
            h('h2', {id: headingId}, job.title),
            h('p', {}, job.description),
            h('p', {class: 'hint'}, 'Job ', h('span', {class: 'mono'}, job.name),
                '. One run at a time across all replicas.'),
            alert,
            h('div', {class: 'actions'}, start));
    });

    drawRuns();
    poll();
    return page('Batch jobs',
        h('div', {class: 'job-cards'}, cards),
        h('section', {'aria-labelledby': 'runs-heading'},
            h('h2', {id: 'runs-heading'}, 'Runs started here'),
            runs));
}

function executionRow(execution) {
    const status = h('span', {role: 'status'});
    const exit = h('td', {class: 'hide-narrow'});
    const started = h('td', {class: 'hide-narrow'});
    const ended = h('td', {});
    const note = h('span', {class: 'field-error'});
    const tr = h('tr', {dataset: {executionId: execution.execution_id, job: execution.job_name}},
        h('td', {class: 'number mono'}, execution.execution_id),
        h('th', {scope: 'row'}, titleOf(execution.job_name)),
        h('td', {}, status, ' ', note),
        exit, started, ended);
    let shownState = null;
    const update = current => {
        // Redrawn only when something changed: nodes replaced every second would take the focus (and a click)
        // away from a keyboard user on "See the report".
        const state = JSON.stringify(current);
        if (state === shownState) {
            return;
        }
        shownState = state;
        tr.dataset.status = current.batch_status;
        const shown = status.querySelector('.badge');
        if (shown?.dataset.status !== current.batch_status) {
            // The whole region is read when it changes (role=status is atomic): "Run 7 Completed".
            replace(status, h('span', {class: 'visually-hidden'}, `Run ${current.execution_id} `),
                h('span', {class: `badge badge-${tone(current.batch_status)}`, dataset: {status: current.batch_status}},
                    label(current.batch_status)));
        }
        note.textContent = current.problem ?? '';
        exit.textContent = current.exit_status ?? '';
        replace(started, current.start_time ? h('time', {datetime: current.start_time}, dateTime(current.start_time))
            : '');
        replace(ended, current.end_time ? h('time', {datetime: current.end_time}, dateTime(current.end_time))
            : (ENDED.has(current.batch_status) ? '' : 'Running…'));
        if (current.job_name === 'order-report' && current.batch_status === 'COMPLETED'
            && !ended.querySelector('a')) {
            ended.append(' ', h('a', {href: '/admin/report'}, 'See the report'));
        }
    };
    return {tr, update};
}

function titleOf(name) {
    return JOBS.find(job => job.name === name)?.title ?? name;
}

function label(status) {
    return status.charAt(0) + status.slice(1).toLowerCase();
}

/** Reuses the order badges' colours; the status is always in the text as well. */
function tone(status) {
    switch (status) {
        case 'COMPLETED': return 'completed';
        case 'FAILED': return 'failed';
        case 'STOPPED':
        case 'ABANDONED': return 'cancelled';
        default: return 'processing';
    }
}
