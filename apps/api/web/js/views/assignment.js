import { api, can } from '../api.js';
import { clearProblems, showProblem } from '../forms.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { problemText } from './common.js';

/**
 * The responsible caseworker, for every case type alike: the name (or "Ufordelt") in lists and boards, the
 * panel on the case page ("Tag sagen", assign or reassign with a reason, the history), and the colleagues
 * a list's filter and the bulk assignment offer (`GET /api/staff`).
 */
/** The assignee in a table cell: the name, "fraværende" when away, or "Ufordelt". */
export function assigneeText(assignee) {
  if (!assignee) return html`<span class="muted">Ufordelt</span>`;
  return html`${assignee.displayName}${assignee.absent ? html` <span class="badge soon">Fraværende</span>` : ''}`;
}

/** The user's colleagues (empty when the role has none to name, or the answer fails: the filter then offers less). */
export async function colleagues(user) {
  if (!can(user, 'absence:record')) return [];
  try {
    return (await api.get('/api/staff')).items;
  } catch {
    return [];
  }
}

/** The choices of an "Ansvarlig" filter: mine, unassigned, and the colleagues who work cases. */
export function assigneeChoices(user, staff) {
  return [
    ...(can(user, 'case:take') ? [['me', 'Mine']] : []),
    ['none', 'Ufordelte'],
    ...staff.filter((member) => member.role !== 'supervisor').map((member) => [member.id, member.displayName]),
  ];
}

function historyList(history) {
  if (!history.length) return '';
  return html`<details class="assignment-history">
    <summary>Historik for ansvarlig (${history.length})</summary>
    <ol>
      ${history.map(
        (row) =>
          html`<li>
            <time datetime="${row.at}">${formatDateTime(row.at)}</time>
            ${row.changeLabel}${row.to ? html`: ${row.to.displayName}` : ''}${row.from && row.change !== 'taken' ? html` (før: ${row.from.displayName})` : ''}
            <span class="muted small">af ${row.changedBy.displayName}</span>
            ${row.reason ? html`<span class="event-reason">Begrundelse: ${row.reason}</span>` : ''}
          </li>`,
      )}
    </ol>
  </details>`;
}

function assignForm(view) {
  const others = view.candidates.filter((candidate) => candidate.id !== view.assignee?.id);
  if (!view.mayAssign || !others.length) return '';
  return html`<form class="decision-form assign-form" id="assign-form" novalidate aria-describedby="assign-problem">
    <div class="field">
      <label for="assign-assigneeId">${view.assignee ? 'Flyt til' : 'Tildel til'}</label>
      <select id="assign-assigneeId" name="assigneeId" aria-describedby="assign-assigneeId-error">
        <option value="">Vælg …</option>
        ${others.map(
          (candidate) =>
            html`<option value="${candidate.id}">
              ${candidate.displayName}${candidate.absent ? ' (fraværende)' : ''}
            </option>`,
        )}
      </select>
      <p class="field-error" id="assign-assigneeId-error" data-error-for="assigneeId"></p>
    </div>
    <div class="field">
      <label for="assign-reason"
        >Begrundelse${view.assignee ? '' : html` <span class="optional">(kan udelades)</span>`}</label
      >
      <textarea id="assign-reason" name="reason" rows="2" aria-describedby="assign-reason-error"></textarea>
      <p class="field-error" id="assign-reason-error" data-error-for="reason"></p>
    </div>
    <div class="form-problem" id="assign-problem" role="alert" aria-live="assertive"></div>
    <div class="form-actions">
      <button type="submit" class="button primary">${view.assignee ? 'Flyt sagen' : 'Tildel sagen'}</button>
    </div>
  </form>`;
}

function panelHtml(view, flash) {
  return html`<h2 id="assignment-heading" tabindex="-1">Ansvarlig sagsbehandler</h2>
    ${flash ? html`<p class="notice success" role="status">${flash}</p>` : ''}
    <p class="assignee" data-assignee="${view.assignee?.id ?? ''}">
      ${view.assignee ? html`<strong>${view.assignee.displayName}</strong>` : html`<strong>Ufordelt</strong>`}
      ${view.assignee?.absent ? html` <span class="badge soon">Fraværende i dag</span>` : ''}
      ${view.assignedAt ? html`<span class="muted small">siden ${formatDateTime(view.assignedAt)}</span>` : ''}
    </p>
    ${view.mayTake ? html`<button type="button" class="button primary" data-take>Tag sagen</button>` : ''}
    ${assignForm(view)} ${historyList(view.history)}`;
}

/** The case page's panel: loads the assignment and handles "Tag sagen" and the assign form inside `section`. */
export async function attachAssignmentPanel(section, caseId) {
  let view;
  try {
    view = await api.get(`/api/cases/${encodeURIComponent(caseId)}/assignment`);
  } catch {
    section.remove();
    return;
  }
  const show = (flash) => render(section, panelHtml(view, flash));
  show();
  section.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-take]');
    if (!button) return;
    button.disabled = true;
    try {
      view = (await api.post(`/api/cases/${encodeURIComponent(caseId)}/take`)) ?? view;
      show('Du er nu ansvarlig for sagen.');
    } catch (problem) {
      button.disabled = false;
      button.insertAdjacentHTML('afterend', '<p class="field-error" role="alert"></p>');
      button.nextElementSibling.textContent = problemText(problem);
    }
    section.querySelector('h2')?.focus();
  });
  section.addEventListener('submit', async (event) => {
    const form = event.target.closest('#assign-form');
    if (!form) return;
    event.preventDefault();
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    const body = { caseIds: [caseId], assigneeId: String(data.get('assigneeId') ?? ''), ...(reason ? { reason } : {}) };
    clearProblems(form);
    if (!body.assigneeId) {
      showProblem(form, {
        message: 'Vælg en sagsbehandler.',
        details: [{ field: 'assigneeId', problems: ['Sagsbehandleren skal udfyldes.'] }],
      });
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const answer = await api.post('/api/cases/assignments', body);
      view = answer.items[0];
      show(`Sagen er tildelt ${view.assignee?.displayName ?? ''}.`);
    } catch (problem) {
      button.disabled = false;
      showProblem(form, problem);
    }
  });
}

/** The bulk assignment under a list of cases ("Tildel valgte"): the supervisor's, for the unit's caseworkers. */
export function bulkAssignForm(staff) {
  const caseworkers = staff.filter((member) => member.role !== 'supervisor');
  if (!caseworkers.length) return '';
  return html`<form class="filters bulk-assign" id="bulk-assign" novalidate aria-label="Tildel valgte sager">
    <div class="field">
      <label for="bulk-assigneeId">Tildel valgte til</label>
      <select id="bulk-assigneeId" name="assigneeId">
        <option value="">Vælg …</option>
        ${caseworkers.map(
          (member) =>
            html`<option value="${member.id}">${member.displayName}${member.absent ? ' (fraværende)' : ''}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="bulk-reason">Begrundelse <span class="optional">(ved flytning)</span></label>
      <input id="bulk-reason" name="reason" type="text" />
    </div>
    <div class="filter-actions">
      <button type="submit" class="button primary">Tildel valgte</button>
    </div>
    <div class="form-problem" role="alert" aria-live="assertive"></div>
  </form>`;
}

/** Sends the bulk assignment of the ticked rows (`input[name="case"]`); `onDone(text)` shows the outcome. */
export function attachBulkAssign(root, onDone) {
  root.querySelector('#bulk-assign')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const caseIds = [...root.querySelectorAll('input[name="case"]:checked')].map((box) => box.value);
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    const problemBox = form.querySelector('.form-problem');
    if (!caseIds.length || !data.get('assigneeId')) {
      render(
        problemBox,
        html`<p class="form-problem-message">${caseIds.length ? 'Vælg en sagsbehandler.' : 'Vælg mindst én sag.'}</p>`,
      );
      return;
    }
    try {
      const answer = await api.post('/api/cases/assignments', {
        caseIds,
        assigneeId: data.get('assigneeId'),
        ...(reason ? { reason } : {}),
      });
      const name = answer.items[0]?.assignee?.displayName ?? '';
      await onDone(`${caseIds.length} ${caseIds.length === 1 ? 'sag er' : 'sager er'} tildelt ${name}.`);
    } catch (problem) {
      render(problemBox, html`<p class="form-problem-message">${problemText(problem)}</p>`);
    }
  });
}

/** A row's tick box for the bulk assignment. */
export const caseTick = (caseId, label) =>
  html`<label class="tick"
    ><input type="checkbox" name="case" value="${caseId}" /><span class="visually-hidden">Vælg ${label}</span></label
  >`;
