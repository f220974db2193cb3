import { api, query } from '../api.js';
import { capitalised, formatDate, formatDateTime, formatNumber } from '../format.js';
import { html, render } from '../html.js';
import { choiceLabel } from '../reference.js';
import { caseHref, heading, notice, pager, problemText } from './common.js';

/**
 * The handover prepared before release: on the case page the report, the views and a decision before the
 * release (beside the exit unit's decision form); and the list of coming handovers.
 */
const facts = (rows) =>
  html`<dl class="facts">
    ${rows.filter(Boolean).map(
      ([term, value]) =>
        html`<div>
          <dt>${term}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;

function reportHtml(report) {
  if (!report) return html`<p class="empty">Kriminalforsorgens overdragelsesrapport er ikke indsendt endnu.</p>`;
  return html`<article class="handover-report" aria-labelledby="handover-report-heading">
    <h3 id="handover-report-heading">Overdragelsesrapport</h3>
    ${facts([
      ['Indsendt', formatDateTime(report.submittedAt)],
      ['Planen', report.plan],
      ['Planens status', capitalised(choiceLabel('planStatuses', report.planStatus))],
      [
        'Mentor',
        report.mentorRef
          ? `${report.mentorRef} · ${report.mentorContacts} kontakter, ${formatNumber(report.mentorMinutes / 60, 1)} timer`
          : 'ingen',
      ],
      ['Psykologforløb', choiceLabel('psychologistCourseStatuses', report.psychologistCourse)],
      ...report.readiness.map((entry) => [
        capitalised(choiceLabel('readinessItems', entry.item)),
        `${entry.ready ? 'på plads' : 'mangler'} · ansvarlig: ${choiceLabel('readinessOwners', entry.owner)}`,
      ]),
      ['Risiko og sikkerhed', report.riskAssessment],
      [
        'Udvidet adressebeskyttelse',
        report.extendedAddressProtection ? 'ja – adressen oplyses kun efter behov, gennem kontaktpersonen' : 'nej',
      ],
      report.paroleConditions && ['Vilkår for prøveløsladelse', report.paroleConditions],
      ['Kontaktperson', `${report.contactName} · ${report.contactPhone}`],
    ])}
  </article>`;
}

function viewsHtml(views) {
  if (!views.length) return html`<p class="empty">Ingen udtalelser endnu.</p>`;
  return html`<ul class="handover-views">
    ${views.map(
      (view) =>
        html`<li class="handover-view">
          <p>
            <strong>${capitalised(choiceLabel('handoverViewParties', view.party))}</strong>:
            ${choiceLabel('handoverRecommendations', view.recommendation)}
            <span class="muted small">· ${formatDateTime(view.recordedAt)}</span>
          </p>
          <p>${view.view}</p>
        </li>`,
    )}
  </ul>`;
}

function decidedHtml(decided) {
  if (!decided) return '';
  return html`<p class="handover-decided">
    ${decided.policeDistrict.name} har ${decided.decision === 'accept' ? 'overtaget' : 'afvist'} overdragelsen før
    løsladelsen
    (${formatDateTime(decided.decidedAt)})${
      decided.continuation ? `: ${choiceLabel('handoverContinuations', decided.continuation)}` : ''
    }.
  </p>`;
}

/** The report, the views and a decision before the release (the case page, an inbox item). */
export function preparedHandover(prepared) {
  return html`${decidedHtml(prepared.decisionBeforeRelease)} ${reportHtml(prepared.report)}
    <h3>Udtalelser til afgørelsen</h3>
    ${viewsHtml(prepared.views)}`;
}

/** The case page's section: shown once the release is notified (before it there is nothing to show). */
export function handoverPreparationSection(detail) {
  const prepared = detail.handoverPreparation;
  if (!prepared || (!detail.releaseNoticeSentAt && !prepared.report && !prepared.views.length)) return '';
  return html`<section class="panel handover-preparation" aria-labelledby="handover-preparation-heading">
    <h2 id="handover-preparation-heading">Overdragelsen</h2>
    ${preparedHandover(prepared)}
  </section>`;
}

const TITLE = 'Kommende overdragelser';
const INTRO =
  'Forløb, hvis løsladelse er varslet til din politikreds eller kommune, nærmeste løsladelse først. Åbn sagen for rapport, udtalelser og afgørelse.';

function card(item) {
  return html`<article class="handover" aria-labelledby="coming-${item.caseId}">
    <header class="handover-head">
      <h2 id="coming-${item.caseId}">${item.personName ?? html`Person <span class="mono">${item.personRef}</span>`}</h2>
      <p class="step-state">${item.daysToRelease === 1 ? '1 dag' : `${item.daysToRelease} dage`} til løsladelsen</p>
    </header>
    ${facts([
      ['Fra', item.institution.name],
      ['Forventet løsladelse', formatDate(item.expectedReleaseDate)],
      ['Parat til løsladelse', item.ready ? 'ja' : `mangler: ${item.missing.join(', ')}`],
      ['Overdragelsesrapport', item.reportSubmittedAt ? formatDateTime(item.reportSubmittedAt) : 'ikke indsendt'],
      item.decisionBeforeRelease && [
        'Afgjort før løsladelsen',
        item.decisionBeforeRelease === 'accept' ? 'overtaget' : 'afvist',
      ],
      ['Prøveløsladelse', item.paroleLinked ? 'ja (Bander bag tremmer)' : 'nej'],
    ])}
    <p><a href="${caseHref('exit_course', item.caseId)}">Åbn sagen</a></p>
  </article>`;
}

export async function comingHandoversView(root, { params }) {
  const page = Number(params.get('page') ?? 1) || 1;
  let answer;
  try {
    answer = await api.get(`/api/handovers/coming${query({ page, pageSize: 20 })}`);
  } catch (problem) {
    render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
    return;
  }
  render(
    root,
    html`${heading(TITLE, INTRO)}
    ${answer.items.length ? html`<div class="handovers">${answer.items.map(card)}</div>` : html`<p class="empty">Ingen kommende overdragelser.</p>`}
    ${pager(answer.page, answer.pageSize, answer.total, (target) => `#/kommende${query({ page: target })}`)}`,
  );
}
