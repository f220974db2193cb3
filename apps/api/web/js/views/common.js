import { html } from '../html.js';
import { formatDateTime, lateText, remainingText } from '../format.js';
import { caseResource } from '../reference.js';

/** The page's link to a case from the API's path of it (`/api/dks-cases/<id>` → `#/sag/dks-cases/<id>`). */
export function caseHref(casePathOrType, id) {
  if (id) return `#/sag/${caseResource(casePathOrType)}/${encodeURIComponent(id)}`;
  return `#/sag/${casePathOrType.replace(/^\/api\//, '')}`;
}

/** A view's heading: focused when the view opens, so screen readers and keyboards start there. */
export function heading(title, intro) {
  return html`<div class="view-heading">
    <h1 tabindex="-1">${title}</h1>
    ${intro ? html`<p class="lead">${intro}</p>` : ''}
  </div>`;
}

/** Overdue, due soon or on time — or waiting ("afventer …"): in words and with an icon, never colour alone. */
export function deadlineState(step) {
  if (step.suspension) {
    return html`<span class="badge waiting"
        ><span aria-hidden="true">⏸</span> ${capitalised(step.suspension.reasonText)}</span
      >
      <span class="muted small"
        >I bero siden
        ${formatDateTime(step.suspension.since)}${step.suspension.expectedUntil ? ` · forventet til ${formatDateTime(step.suspension.expectedUntil)}` : ''}</span
      >`;
  }
  if (step.overdue) {
    return html`<span class="badge overdue"><span aria-hidden="true">⚠</span> Overskredet</span>
      <span class="lateness">${lateText(step.latenessSeconds)}</span>
      ${step.escalatedAt ? html`<span class="muted small">Eskaleret ${formatDateTime(step.escalatedAt)}</span>` : ''}`;
  }
  const soon = step.warningAt && Date.parse(step.warningAt) <= Date.now();
  const remaining = step.remainingSeconds ?? Math.max(0, (Date.parse(step.dueAt) - Date.now()) / 1000);
  return html`<span class="badge ${soon ? 'soon' : 'ok'}"
      ><span aria-hidden="true">${soon ? '◔' : '○'}</span> ${soon ? 'Snart' : 'I gang'}</span
    >
    <span class="remaining">${remainingText(remaining)}</span>`;
}

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export function pager(page, pageSize, total, hrefFor) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="Sider">
    ${page > 1 ? html`<a class="button" href="${hrefFor(page - 1)}">← Forrige</a>` : html`<span></span>`}
    <span>Side ${page} af ${pages}</span>
    ${page < pages ? html`<a class="button" href="${hrefFor(page + 1)}">Næste →</a>` : html`<span></span>`}
  </nav>`;
}

/** The API's message with each field's problems, in one sentence list. */
export function problemText(problem) {
  return [problem.message, ...problem.details.flatMap((detail) => detail.problems ?? [])].join(' ');
}

export function notice(kind, text) {
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
}
