import { api } from '../api.js';
import { formHtml, handleForms } from '../forms.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { notice, problemText } from './common.js';

/**
 * A case's legal hold (sletningsstop): while set, the case is never listed for deletion. Shown, set and lifted
 * on the case page (supervisors) and on the deletion list (the data-protection officer), with a reason.
 */
export function legalHoldForm(caseId, held) {
  return {
    id: `legal-hold-${caseId}`,
    title: held ? 'Ophæv sletningsstop' : 'Sæt sletningsstop',
    caseId,
    fields: [{ name: 'reason', label: 'Begrundelsen', type: 'textarea' }],
    submitLabel: held ? 'Ophæv sletningsstop' : 'Sæt sletningsstop',
    body: (values) => ({ ...values, held: !held }),
  };
}

function stateHtml(view) {
  return view.held
    ? html`<p><span class="badge overdue">Sletningsstop</span> Sagen slettes ikke, selv om fristen udløber.</p>
        ${view.reason ? html`<p class="event-reason">Begrundelse: ${view.reason}</p>` : ''}
        <p class="muted small">Sat ${formatDateTime(view.changedAt)}</p>`
    : html`<p>Intet sletningsstop: sagen slettes, når dens opbevaringsfrist er udløbet og sletningen er godkendt.</p>`;
}

/** Fills the case page's panel (`element`): the hold's state and the form that changes it. */
export async function attachLegalHoldPanel(element, caseId) {
  if (!element) return;
  const show = async (flash) => {
    let view;
    try {
      view = await api.get(`/api/cases/${encodeURIComponent(caseId)}/legal-hold`);
    } catch (problem) {
      render(
        element,
        html`<h2 id="legal-hold-heading">Sletningsstop</h2>
          ${notice('error', problemText(problem))}`,
      );
      return;
    }
    spec = legalHoldForm(caseId, view.held);
    render(
      element,
      html`<h2 id="legal-hold-heading">Sletningsstop</h2>
        ${flash ? notice('success', flash) : ''} ${stateHtml(view)} ${formHtml(spec)}`,
    );
  };
  let spec;
  handleForms(
    element,
    () => (spec ? [spec] : []),
    () => `/api/cases/${encodeURIComponent(caseId)}/legal-hold`,
    (answer) => show(answer.held ? 'Sletningsstop er sat.' : 'Sletningsstop er ophævet.'),
  );
  await show();
}
