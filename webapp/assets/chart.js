// A bar chart drawn locally as SVG (no chart library, no CDN). Only attributes, never style: the CSP forbids inline
// styles, so colours and fonts come from the .chart rules in styles.css. The chart is one image to assistive
// technology (role="img", named by its <title> and described by its <desc>); the page puts the same figures in a
// table next to it, which is the accessible equivalent.
import {svg, uid} from './dom.js';

const MARGIN = {top: 14, right: 10, bottom: 52, left: 46};
// Drawn in fewer user units on a narrow screen, so its text keeps a readable size once the SVG is scaled to fit.
const NARROW = '(max-width: 40rem)';

/**
 * barChart({title, description, bars: [{label, value, tip}], xTitle, yTitle}) - one bar per entry, in order.
 * Values are non-negative integers (counts); the y axis gets whole-number ticks.
 */
export function barChart({title, description, bars, xTitle, yTitle, className = ''}) {
    const narrow = window.matchMedia(NARROW).matches;
    const WIDTH = narrow ? 340 : 480;
    const HEIGHT = narrow ? 240 : 260;
    const MAX_X_LABELS = narrow ? 4 : 6;
    const titleId = uid('chart-title');
    const descId = uid('chart-desc');
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const bottom = MARGIN.top + plotHeight;
    const {top, ticks} = scale(Math.max(0, ...bars.map(bar => bar.value)));
    const y = value => bottom - (value / top) * plotHeight;
    const slot = plotWidth / Math.max(1, bars.length);
    const barWidth = Math.max(1, slot * 0.7);
    const every = Math.ceil(bars.length / MAX_X_LABELS);

    return svg('svg', {class: `chart ${className}`.trim(), viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
        'aria-labelledby': titleId, 'aria-describedby': descId, preserveAspectRatio: 'xMidYMid meet'},
    svg('title', {id: titleId}, title),
    svg('desc', {id: descId}, description),
    // Horizontal grid lines and y tick labels.
    ticks.map(tick => svg('g', {class: 'tick'},
        svg('line', {class: 'grid-line', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: round(y(tick)),
            y2: round(y(tick))}),
        svg('text', {x: MARGIN.left - 6, y: round(y(tick)), 'text-anchor': 'end', 'dominant-baseline': 'middle'},
            String(tick)))),
    // The bars (a zero is a bar of no height, still a day on the axis).
    bars.map((bar, index) => {
        const height = bottom - y(bar.value);
        return svg('rect', {class: 'bar', x: round(MARGIN.left + index * slot + (slot - barWidth) / 2),
            y: round(bottom - height), width: round(barWidth), height: round(height),
            'data-label': bar.label, 'data-value': bar.value},
        svg('title', {}, bar.tip ?? `${bar.label}: ${bar.value}`));
    }),
    // x labels: at most MAX_X_LABELS, evenly spread, with a tick mark under their bar.
    bars.map((bar, index) => (index % every === 0 ? svg('g', {class: 'tick'},
        svg('line', {class: 'axis', x1: round(MARGIN.left + (index + 0.5) * slot),
            x2: round(MARGIN.left + (index + 0.5) * slot), y1: bottom, y2: bottom + 5}),
        svg('text', {x: round(MARGIN.left + (index + 0.5) * slot), y: bottom + 18, 'text-anchor': 'middle'},
            bar.short ?? bar.label)) : null)),
    svg('line', {class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom}),
    svg('line', {class: 'axis', x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom}),
    svg('text', {class: 'axis-title', x: MARGIN.left + plotWidth / 2, y: HEIGHT - 8, 'text-anchor': 'middle'}, xTitle),
    svg('text', {class: 'axis-title', x: 0, y: 0, 'text-anchor': 'middle',
        transform: `translate(12 ${MARGIN.top + plotHeight / 2}) rotate(-90)`}, yTitle));
}

/** A round top for the y axis and 2-5 whole-number ticks from 0 up to it. */
function scale(max) {
    if (max <= 0) {
        return {top: 1, ticks: [0, 1]};
    }
    const rough = max / 4;
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    const step = Math.max(1, [1, 2, 5, 10].map(factor => factor * magnitude).find(candidate => candidate >= rough));
    const top = Math.ceil(max / step) * step;
    const ticks = [];
    for (let tick = 0; tick <= top; tick += step) {
        ticks.push(tick);
    }
    return {top, ticks};
}

function round(value) {
    return Math.round(value * 10) / 10;
}
