import { html, raw } from './html.js';
import { formatNumber } from './format.js';

/**
 * A horizontal bar chart in SVG: one group of bars per row, its label on the line above (wrapped, so no
 * name is ever cut off), one bar per series with its value printed at its end. Series are told apart by
 * colour and by a pattern (solid, stripes, dots, cross-hatch, lines), and named in the legend; a zero is
 * drawn as a tick on the baseline with "0", a missing value as "–". Two layouts of the same chart: a wide
 * one and one for narrow screens (CSS shows one), so the text keeps a readable size at either width.
 * `rows`: [{ label, values: number[] }]; `series`: [{ label, className }].
 */
const LAYOUTS = [
  { name: 'wide', width: 760, font: 13, valueFont: 12 },
  { name: 'narrow', width: 340, font: 15, valueFont: 14 },
];
const BAR = 16;
const GAP = 4;
const GROUP_GAP = 16;
const LABEL_GAP = 6;
/** Room after the longest bar for its value ("100 %", "1.234"). */
const VALUE_ROOM = 70;
/** An average character's width in em of the page's sans-serif (generous, so estimated lines never overflow). */
const CHARACTER_EM = 0.6;

const PATTERNS = [
  '',
  '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="1.6"/>',
  '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
  '<path d="M0,0 L8,8 M8,0 L0,8" stroke="#fff" stroke-width="1.2"/>',
  '<path d="M0,4 H8" stroke="#fff" stroke-width="1.6"/>',
];

/** A series' fill: its colour and its pattern, defined inside each SVG that uses it (a hidden SVG's are not drawn). */
function patternDef(patternId, className, index) {
  return raw(
    `<pattern id="${patternId}" width="8" height="8" patternUnits="userSpaceOnUse">` +
      `<rect class="bar ${className}" width="8" height="8"></rect>${PATTERNS[index % PATTERNS.length]}</pattern>`,
  );
}

/** Words over lines of at most `maxCharacters`; a word longer than a line is broken. */
export function wrapLabel(text, maxCharacters) {
  const lines = [];
  let line = '';
  for (let word of String(text).split(/\s+/).filter(Boolean)) {
    while (word.length > maxCharacters) {
      if (line) lines.push(line);
      lines.push(word.slice(0, maxCharacters - 1) + '-');
      word = word.slice(maxCharacters - 1);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxCharacters) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function chartSvg(layout, { id, title, description, rows, series, format, largest }) {
  // The wide layout keeps the chart's own ids (`<id>-title`); the narrow one's are suffixed.
  const prefix = layout.name === 'wide' ? id : `${id}-${layout.name}`;
  const lineHeight = Math.round(layout.font * 1.3);
  const maxCharacters = Math.floor(layout.width / (layout.font * CHARACTER_EM));
  const scale = (layout.width - VALUE_ROOM) / largest;
  const barsHeight = series.length * (BAR + GAP) - GAP;
  let y = 4;
  const groups = rows.map((row) => {
    const lines = wrapLabel(row.label, maxCharacters);
    const top = y;
    const barsTop = top + lines.length * lineHeight + LABEL_GAP;
    y = barsTop + barsHeight + GROUP_GAP;
    return html`<g class="chart-group">
      <text class="chart-label" x="0" y="${top}" dominant-baseline="hanging" font-size="${layout.font}">
        ${lines.map((line, index) => html`<tspan x="0" dy="${index ? lineHeight : 0}">${line}</tspan>`)}
      </text>
      <line class="chart-baseline" x1="0.5" x2="0.5" y1="${barsTop - 2}" y2="${barsTop + barsHeight + 2}"></line>
      ${series.map((serie, index) => {
        const value = row.values[index];
        const barY = barsTop + index * (BAR + GAP);
        const missing = value === null || value === undefined;
        const width = missing || value <= 0 ? 0 : Math.max(2, value * scale);
        const text = missing ? '–' : format(value);
        return html`${
            width
              ? html`<rect
                  class="bar"
                  fill="url(#${prefix}-${index})"
                  x="0"
                  y="${barY}"
                  width="${width}"
                  height="${BAR}"
                ></rect>`
              : missing
                ? ''
                : html`<rect class="bar-zero" x="0" y="${barY}" width="3" height="${BAR}"></rect>`
          }
          <text
            class="chart-value"
            x="${width + 8}"
            y="${barY + BAR / 2}"
            dominant-baseline="central"
            font-size="${layout.valueFont}"
            >${text}</text
          >`;
      })}
    </g>`;
  });
  return html`<svg
    class="chart-${layout.name}"
    viewBox="0 0 ${layout.width} ${y - GROUP_GAP + 4}"
    role="img"
    aria-labelledby="${prefix}-title ${prefix}-desc"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="${prefix}-title">${title}</title>
    <desc id="${prefix}-desc">${description}</desc>
    <defs>${series.map((serie, index) => patternDef(`${prefix}-${index}`, serie.className, index))}</defs>
    ${groups}
  </svg>`;
}

export function barChart({ id, title, description, rows, series, format = (value) => formatNumber(value, 1), max }) {
  const largest = max ?? Math.max(1, ...rows.flatMap((row) => row.values.map((value) => value ?? 0)));
  const chart = { id, title, description, rows, series, format, largest };
  return html`<figure class="chart">
    ${LAYOUTS.map((layout) => chartSvg(layout, chart))}
    <figcaption>
      <ul class="legend" aria-label="Forklaring">
        ${series.map((serie, index) => legendEntry(id, serie, index))}
      </ul>
    </figcaption>
  </figure>`;
}

/** A legend entry: the series' swatch (colour and pattern, as on its bars) and its name. */
function legendEntry(id, serie, index) {
  const patternId = `${id}-legend-${index}`;
  return html`<li>
    <svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <defs>${patternDef(patternId, serie.className, index)}</defs>
      <rect width="16" height="16" fill="url(#${patternId})"></rect>
    </svg>
    ${serie.label}
  </li>`;
}

/**
 * The same numbers as a table, for screen readers, copying and exact reading. On a narrow screen each row
 * is a block whose cells carry their column's name (`data-label`). `scrolls`: a table that may be wider than
 * the page (a column per month) scrolls in a region the keyboard can reach.
 */
export function dataTable({ caption, columns, rows, scrolls = false }) {
  return html`<div class="table-wrap" ${scrolls ? html`tabindex="0" role="region" aria-label="${caption}"` : ''}>
    <table class="numbers stack">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((column, index) => html`<th scope="col" ${index ? html` class="num"` : ''}>${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([head, ...cells]) =>
            html`<tr>
              <th scope="row">${head}</th>
              ${cells.map((cell, index) => html`<td class="num" data-label="${columns[index + 1]}">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
