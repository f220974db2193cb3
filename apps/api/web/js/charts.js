import { html } from './html.js';
import { formatNumber } from './format.js';

/**
 * A horizontal bar chart in SVG: one group of bars per row, one bar per series, each labelled with its
 * value in text (colour is never the only way to tell the series apart: the legend and the table say it).
 * `rows`: [{ label, values: number[] }]; `series`: [{ label, className }].
 */
const LABEL_WIDTH = 230;
const CHART_WIDTH = 760;
const BAR = 16;
const GAP = 4;
const GROUP_GAP = 14;

export function barChart({ id, title, description, rows, series, format = (value) => formatNumber(value, 1), max }) {
  const top = 8;
  const groupHeight = series.length * (BAR + GAP) - GAP;
  const height = top + rows.length * (groupHeight + GROUP_GAP);
  const largest = max ?? Math.max(1, ...rows.flatMap((row) => row.values.map((value) => value ?? 0)));
  const scale = (CHART_WIDTH - LABEL_WIDTH - 70) / largest;
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${CHART_WIDTH} ${height}"
      role="img"
      aria-labelledby="${id}-title ${id}-desc"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id="${id}-title">${title}</title>
      <desc id="${id}-desc">${description}</desc>
      ${rows.map((row, rowIndex) => {
        const y = top + rowIndex * (groupHeight + GROUP_GAP);
        return html`<g>
          <text
            class="chart-label"
            x="${LABEL_WIDTH - 10}"
            y="${y + groupHeight / 2}"
            text-anchor="end"
            dominant-baseline="middle"
            >${row.label}</text
          >
          ${series.map((serie, serieIndex) => {
            const value = row.values[serieIndex];
            const barY = y + serieIndex * (BAR + GAP);
            const width = Math.max(value ? 2 : 0, (value ?? 0) * scale);
            return html`<rect
                class="bar ${serie.className}"
                x="${LABEL_WIDTH}"
                y="${barY}"
                width="${width}"
                height="${BAR}"
                rx="2"
              ></rect>
              <text class="chart-value" x="${LABEL_WIDTH + width + 6}" y="${barY + BAR / 2}" dominant-baseline="middle"
                >${value === null || value === undefined ? '–' : format(value)}</text
              >`;
          })}
        </g>`;
      })}
    </svg>
    ${
      series.length > 1
        ? html`<figcaption>
            <ul class="legend">
              ${series.map((serie) => html`<li><span class="swatch ${serie.className}" aria-hidden="true"></span>${serie.label}</li>`)}
            </ul>
          </figcaption>`
        : ''
    }
  </figure>`;
}

/** The same numbers as a table, for screen readers, copying and exact reading. */
export function dataTable({ caption, columns, rows }) {
  return html`<div class="table-wrap">
    <table class="numbers">
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
              ${cells.map((cell) => html`<td class="num">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
