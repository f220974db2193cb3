import { api, can, query, session } from '../api.js';
import { formsFor, stepFormsFor } from '../case-forms.js';
import { formHtml, handleForms } from '../forms.js';
import { capitalised, formatDate, formatDateTime, formatNumber, lateText } from '../format.js';
import { html, render } from '../html.js';
import { DETAIL_LABELS, detailValueLabel, HISTORY_ACTIONS } from '../labels.js';
import { choiceLabel, responsibleRoleLabel, stepKindLabel, unitName } from '../reference.js';
import { attachAssignmentPanel } from './assignment.js';
import { attachLegalHoldPanel } from './legal-hold.js';
import { deadlineState, heading, notice, problemText } from './common.js';
import { handleJournal, journalSections, loadJournal, withNotes } from './case-journal.js';
import { accessLogSection, attachAccessLog } from './access-log.js';
import { handoverPreparationSection } from './handover-preparation.js';
import { handleProtection, personMeta, protectionPanel } from './person-protection.js';

/** One case of any type: status, facts, open steps, the decisions the user may take, steps and history. */
const yesNo = (value) => (value ? 'ja' : 'nej');

/** The course run by the police exit unit: where, its plan, each review, its outcome and the reoffending check. */
function policePhaseFacts(phase) {
  if (!phase) return [];
  return [
    ['Hos politiets exitenhed', `${phase.policeDistrict.name} fra ${formatDateTime(phase.startedAt)}`],
    [
      'Plan',
      phase.plan
        ? `${phase.plan.summary} (${choiceLabel('policePlanRunners', phase.plan.runBy)}, ${formatDateTime(phase.plan.recordedAt)})`
        : 'ikke registreret endnu',
    ],
    ...phase.reviews.map((review, index) => [
      `Opfølgning ${index + 1}`,
      `${formatDateTime(review.reviewedAt)}: ${review.summary}`,
    ]),
    phase.outcome && [
      'Udfald',
      `${capitalised(choiceLabel('policeCourseOutcomes', phase.outcome))}, ${formatDateTime(phase.endedAt)}`,
    ],
    phase.outcome && [
      'Tilbagefaldskontrol',
      phase.reoffendingCheckedAt
        ? `${phase.reoffended ? 'ny kriminalitet' : 'ingen ny kriminalitet'} (${formatDateTime(phase.reoffendingCheckedAt)})`
        : 'afventer',
    ],
  ];
}

/** A youth case's level (enkeltsagskoncept), set at the assessment or on the council, changed with a reason. */
function caseLevelFact(c) {
  return ['Niveau', c.caseLevelText ? capitalised(c.caseLevelText) : 'ikke sat'];
}

const CASE_KINDS = {
  'exit-courses': {
    title: 'Exit-forløb',
    facts: (c) => [
      [c.outsidePrison ? 'Startet af' : 'Institution', c.institution.name],
      ['Henvist af', capitalised(c.referralSourceText)],
      ['Henvist', formatDateTime(c.referredAt)],
      !c.outsidePrison && ['Forventet løsladelse', formatDate(c.expectedReleaseDate)],
      !c.outsidePrison && ['Knyttet til prøveløsladelse', yesNo(c.paroleLinked)],
      c.jointAssessment?.required && [
        'Udtalelser modtaget',
        c.jointAssessment.received.map((party) => choiceLabel('assessmentParties', party)).join(', ') || 'ingen endnu',
      ],
      [
        'Mentor',
        c.mentor?.mentorRef
          ? `${c.mentor.mentorRef} · ${c.mentor.contactCount} ${c.mentor.contactCount === 1 ? 'kontakt' : 'kontakter'}, ${formatNumber(c.mentor.contactMinutes / 60, 1)} timer`
          : 'ingen',
      ],
      c.mentor?.lastContactAt && ['Seneste mentorkontakt', formatDateTime(c.mentor.lastContactAt)],
      ['Psykologforløb', choiceLabel('psychologistCourseStatuses', c.psychologistCourse)],
      !c.outsidePrison && [
        'Løsladelsesplan',
        c.releasePlan ? `${c.releasePlan.municipality.name} · ${c.releasePlan.policeDistrict.name}` : 'ikke angivet',
      ],
      !c.outsidePrison &&
        c.readiness && [
          'Mangler før løsladelse',
          c.readiness.missing.length ? c.readiness.missing.join(', ') : 'intet',
        ],
      c.releaseNoticeSentAt && ['Varsel sendt', formatDateTime(c.releaseNoticeSentAt)],
      c.handover && ['Overdraget', `${formatDateTime(c.handover.releasedAt)} til ${c.handover.policeDistrict.name}`],
      c.handover?.continuation && ['Videre forløb', choiceLabel('handoverContinuations', c.handover.continuation)],
      ...policePhaseFacts(c.policePhase),
      c.concernLetterId && [
        'Fra bekymringsbrev',
        html`<a href="#/sag/concern-letters/${encodeURIComponent(c.concernLetterId)}">Se bekymringsbrevet</a>`,
      ],
    ],
  },
  'dks-cases': {
    title: 'DKS-sag',
    facts: (c) => [
      ['Politikreds', c.policeDistrict.name],
      ['Sigtelse eller observation', formatDateTime(c.triggeredAt)],
      caseLevelFact(c),
    ],
  },
  'network-councils': {
    title: 'Netværkssamråd',
    facts: (c) => [
      ['Kommune', c.municipality.name],
      ['Dokumentation modtaget', formatDateTime(c.documentationReceivedAt)],
      c.documentation && [
        'Dokumentationen kom',
        c.documentation.via === 'system'
          ? `i systemet fra ${c.documentation.sender.name} (${choiceLabel('policeSenderFunctions', c.documentation.senderFunction)})`
          : 'uden for systemet (registreret af kommunen)',
      ],
      c.plannedFor && ['Møde planlagt', formatDateTime(c.plannedFor)],
      c.expectedReleaseDate && ['Forventet løsladelse', formatDate(c.expectedReleaseDate)],
      c.releasedAt && ['Løsladt', formatDateTime(c.releasedAt)],
      caseLevelFact(c),
    ],
  },
  'concern-letters': {
    title: 'Bekymringsbrev',
    facts: (c) => [
      ['Politikreds', c.policeDistrict.name],
      [
        'Runde',
        html`<a href="#/bekymringsbreve/${encodeURIComponent(c.roundId)}">Mødet ${formatDate(c.meetingDate)}</a>`,
      ],
      ['Indstillet af', `${capitalised(c.proposedByText)} (${c.proposingUnit.name})`],
      ['Indstillet', formatDateTime(c.proposedAt)],
      c.exitCourseId && [
        'Exit-forløb',
        html`<a href="#/sag/exit-courses/${encodeURIComponent(c.exitCourseId)}">Se exit-forløbet</a>`,
      ],
    ],
  },
};

/** The network council's action plan: each initiative with its owner, due date and follow-up. */
function actionPlan(resource, detail) {
  if (resource !== 'network-councils' || !detail.initiatives?.length) return '';
  return html`<section class="panel action-plan" aria-labelledby="action-plan-heading">
    <h2 id="action-plan-heading">Handleplan</h2>
    <ul class="initiatives">
      ${detail.initiatives.map(
        (initiative) =>
          html`<li class="initiative ${initiative.outcome ? 'is-done' : ''}" data-initiative-id="${initiative.id}">
            <p class="initiative-kind">
              <strong>${capitalised(choiceLabel('agreementKinds', initiative.kind))}</strong>
            </p>
            <p>${initiative.description}</p>
            <dl class="facts inline">
              <div>
                <dt>Ejer</dt>
                <dd>${initiative.owner.name}</dd>
              </div>
              <div>
                <dt>Frist</dt>
                <dd>${formatDate(initiative.dueDate)}${initiative.followsRelease ? ' (følger løsladelsen)' : ''}</dd>
              </div>
              <div>
                <dt>Opfølgning</dt>
                <dd>
                  ${
                    initiative.outcome
                      ? `${capitalised(choiceLabel('initiativeFollowUpOutcomes', initiative.outcome))} ${formatDateTime(initiative.followedUpAt)}: ${initiative.note}`
                      : 'afventer'
                  }
                </dd>
              </div>
            </dl>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Open steps' lateness counts until now; a completed step keeps the lateness it was closed with. */
function withLateness(step) {
  if (step.status !== 'open' || !step.overdue || step.latenessSeconds) return step;
  return { ...step, latenessSeconds: Math.floor((Date.now() - Date.parse(step.dueAt)) / 1000) };
}

/** The deadline decisions the server offers on one step, each a folded form. */
function stepDecisions(stepForms, step) {
  const forms = stepForms.filter((spec) => spec.stepId === step.id);
  if (!forms.length) return '';
  return html`<div class="step-decisions">
    ${forms.map(
      (spec) =>
        html`<details class="step-decision">
          <summary>${spec.title}</summary>
          ${formHtml(spec)}
        </details>`,
    )}
  </div>`;
}

function missedReasonText(step) {
  if (!step.missedReason) return '';
  return html`<p class="step-missed-reason small">
    Årsag til overskredet frist: <strong>${step.missedReason.reasonText}</strong> – ${step.missedReason.note}
  </p>`;
}

const legalText = (step) =>
  step.deadlineBasis === 'fixed'
    ? html`<p class="muted small">Fristen er fastsat ved lov og kan ikke flyttes.</p>`
    : '';

function openSteps(detail, stepForms) {
  if (!detail.openSteps.length)
    return html`<p class="empty">Ingen åbne trin.${detail.closedAt ? ' Sagen er afsluttet.' : ''}</p>`;
  return html`<ul class="open-steps">
    ${detail.openSteps.map(withLateness).map(
      (step) =>
        html`<li
          class="open-step ${step.overdue ? 'is-overdue' : ''} ${step.suspension ? 'is-waiting' : ''}"
          data-step-id="${step.id}"
        >
          <p class="step-label">${step.label}</p>
          <p class="step-due">Frist <strong>${step.suspension ? 'i bero' : formatDateTime(step.dueAt)}</strong></p>
          ${responsibleRoleLabel(step.kind) ? html`<p class="step-turn muted small">Hvis tur: ${responsibleRoleLabel(step.kind)}</p>` : ''}
          <p class="step-state">${deadlineState(step)}</p>
          ${step.suspension ? html`<p class="step-suspension-note small">Bemærkning: ${step.suspension.note}</p>` : ''}
          ${legalText(step)} ${missedReasonText(step)} ${stepDecisions(stepForms, step)}
        </li>`,
    )}
  </ul>`;
}

/** Completed steps that still take a decision: a legal deadline missed whose reason is not yet recorded. */
function missedDeadlines(detail, stepForms) {
  const steps = detail.steps.filter(
    (step) => step.status !== 'open' && stepForms.some((spec) => spec.stepId === step.id),
  );
  if (!steps.length) return '';
  return html`<section class="panel" aria-labelledby="missed-heading">
    <h2 id="missed-heading">Overskredne lovbundne frister</h2>
    <ul class="open-steps">
      ${steps.map(
        (step) =>
          html`<li class="open-step is-overdue" data-step-id="${step.id}">
            <p class="step-label">${step.label}</p>
            <p class="step-due">Frist ${formatDateTime(step.dueAt)} · afsluttet ${formatDateTime(step.completedAt)}</p>
            <p class="step-state">
              <span class="badge late"><span aria-hidden="true">⚠</span> ${lateText(step.latenessSeconds)}</span>
            </p>
            ${legalText(step)} ${stepDecisions(stepForms, step)}
          </li>`,
      )}
    </ul>
  </section>`;
}

function stepOutcome(step) {
  if (step.status === 'cancelled') return 'annulleret';
  if (step.status === 'open' && step.suspension) return deadlineState(step);
  if (step.status === 'open')
    return step.overdue
      ? html`<span class="badge overdue"><span aria-hidden="true">⚠</span> Overskredet</span>
          <span class="lateness">${lateText(step.latenessSeconds)}</span>`
      : 'åben';
  if (!step.latenessSeconds) return html`<span class="badge ok"><span aria-hidden="true">✓</span> Til tiden</span>`;
  return html`<span class="badge late"><span aria-hidden="true">⚠</span> ${lateText(step.latenessSeconds)}</span>`;
}

function stepsTable(detail) {
  return html`<div class="table-wrap">
    <table class="stack">
      <caption class="visually-hidden">
        Sagens trin med frister
      </caption>
      <thead>
        <tr>
          <th scope="col">Trin</th>
          <th scope="col">Åbnet</th>
          <th scope="col">Frist</th>
          <th scope="col">Afsluttet</th>
          <th scope="col">Til tiden?</th>
        </tr>
      </thead>
      <tbody>
        ${detail.steps.map(withLateness).map(
          (step) =>
            html`<tr class="${step.overdue ? 'is-overdue' : ''}">
              <th scope="row">${step.label}</th>
              <td class="nowrap" data-label="Åbnet">${formatDateTime(step.openedAt)}</td>
              <td class="nowrap" data-label="Frist">${formatDateTime(step.dueAt)}</td>
              <td class="nowrap" data-label="Afsluttet">
                ${step.completedAt ? formatDateTime(step.completedAt) : '–'}
              </td>
              <td data-label="Til tiden?">
                ${stepOutcome(step)}
                ${step.missedReason ? html`<span class="missed-reason small">Årsag: ${step.missedReason.reasonText}</span>` : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** A history detail's value in Danish: the name of its code (from the API's choices), a unit, a moment. */
function detailValue(key, value) {
  const each = (item) => detailValue(key, item);
  if (Array.isArray(value)) return value.map(each).join(', ');
  if (value && typeof value === 'object') return Object.values(value).map(each).join(' ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (typeof value === 'string' && value.includes(',') && !value.includes(' '))
    return value.split(',').map(each).join(', ');
  return detailValueLabel(key, value) ?? unitName(String(value));
}

function eventTitle(entry) {
  const kind = entry.details?.kind ? stepKindLabel(entry.details.kind) : null;
  if (entry.action === 'step_opened') return `Trin åbnet: ${kind}`;
  if (entry.action === 'step_due_soon') return `Fristen nærmer sig: ${kind}`;
  if (entry.action === 'step_overdue') return `Fristen er overskredet: ${kind}`;
  if (entry.action === 'step_completed') {
    const late = entry.details?.latenessSeconds;
    return `${kind} afsluttet ${late ? `– ${lateText(late)}` : 'til tiden'}`;
  }
  if (entry.action === 'step_cancelled') return `Trin annulleret: ${kind}`;
  return HISTORY_ACTIONS[entry.action] ?? entry.action;
}

const HIDDEN_DETAILS = ['kind', 'latenessSeconds', 'contactId', 'stepId'];

function timelineEntry(entry) {
  const warn =
    entry.action === 'step_overdue' || (entry.action === 'step_completed' && entry.details?.latenessSeconds > 0);
  const details = Object.entries(entry.details ?? {}).filter(
    ([key, value]) => !HIDDEN_DETAILS.includes(key) && value !== null && value !== '',
  );
  const recordedLater = Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt) > 3_600_000;
  return html`<li class="event ${warn ? 'event-warning' : ''}">
    <time datetime="${entry.occurredAt}">${formatDateTime(entry.occurredAt)}</time>
    <div class="event-body">
      <p class="event-title">${warn ? html`<span aria-hidden="true">⚠ </span>` : ''}${eventTitle(entry)}</p>
      ${entry.reasonLabel ? html`<p class="event-reason" data-reason-code="${entry.reasonCode}">Årsag: ${capitalised(entry.reasonLabel)}</p>` : ''}
      ${entry.reason ? html`<p class="event-reason">Begrundelse: ${entry.reason}</p>` : ''}
      ${details.length ? html`<p class="event-details">${details.map(([key, value]) => html`<span>${DETAIL_LABELS[key] ?? key}: ${detailValue(key, value)}</span>`)}</p>` : ''}
      <p class="event-actor">
        ${entry.actorId === 'system' ? 'Automatisk (frist)' : (entry.actorName ?? `Bruger ${entry.actorId.slice(0, 8)}`)}${recordedLater ? ` · registreret ${formatDateTime(entry.recordedAt)}` : ''}
      </p>
    </div>
  </li>`;
}

function timeline(resource, history, total, journalState) {
  const more = total > history.length;
  return html`<ol class="timeline">
      ${withNotes(history, journalState.journal, timelineEntry, journalState.mayWrite)}
    </ol>
    ${more && resource === 'exit-courses' ? html`<button type="button" class="button" data-more-history>Vis flere hændelser (${history.length} af ${total})</button>` : ''}
    ${more && resource !== 'exit-courses' ? html`<p class="muted">Viser de første ${history.length} af ${total} hændelser.</p>` : ''}`;
}

function decisions(forms, detail) {
  if (!forms.length) return '';
  const openKinds = detail.openSteps.map((step) => step.kind);
  const first = forms.find((spec) => openKinds.includes(spec.step)) ?? (forms.length === 1 ? forms[0] : null);
  return html`<section class="panel" aria-labelledby="decisions-heading">
    <h2 id="decisions-heading">Beslutninger</h2>
    ${forms.map(
      (spec) =>
        html`<details class="decision" ${spec === first ? 'open' : ''}>
          <summary>${spec.title}</summary>
          ${formHtml(spec)}
        </details>`,
    )}
  </section>`;
}

/** The network council's written notice to the family: shown in the page, printable. */
function familyLetter(resource) {
  if (resource !== 'network-councils') return '';
  return html`<section class="panel" aria-labelledby="letter-heading">
    <h2 id="letter-heading">Brev til familien</h2>
    <p class="muted small">Brevet fortæller familien, hvornår netværkssamrådet kan forventes.</p>
    <button type="button" class="button" data-family-letter>Vis brevet</button>
    <div class="family-letter" data-letter-slot></div>
  </section>`;
}

function pageHtml(resource, detail, forms, history, flash, journalState, stepForms = []) {
  const kind = CASE_KINDS[resource];
  const facts = kind.facts(detail).filter(Boolean);
  return html`${heading(`${kind.title}: ${detail.statusText}`)}
    <p class="case-meta">
      <span class="badge status">${detail.closedAt ? 'Afsluttet' : 'Åben'}</span>
      ${personMeta(detail)} · sag-id <span class="mono">${detail.id.slice(0, 8)}</span>
    </p>
    ${flash ? notice('success', flash) : ''}
    <div class="case-grid">
      <div class="case-main">
        <section class="panel open-steps-panel" aria-labelledby="open-steps-heading">
          <h2 id="open-steps-heading">Åbne trin</h2>
          ${openSteps(detail, stepForms)}
        </section>
        ${missedDeadlines(detail, stepForms)} ${resource === 'exit-courses' ? handoverPreparationSection(detail) : ''}
        ${actionPlan(resource, detail)} ${decisions(forms, detail)}
      </div>
      <div class="case-side">
        <section class="panel assignment-panel" aria-labelledby="assignment-heading" data-assignment>
          <h2 id="assignment-heading">Ansvarlig sagsbehandler</h2>
          <p class="loading">Henter …</p>
        </section>
        ${
          can(session.user, 'legal-hold:set')
            ? html`<section class="panel" aria-labelledby="legal-hold-heading" data-legal-hold>
                <h2 id="legal-hold-heading">Sletningsstop</h2>
                <p class="loading">Henter …</p>
              </section>`
            : ''
        }
        <section class="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Oplysninger</h2>
          <dl class="facts">
            ${[
              ['Status', detail.statusText],
              ...facts,
              detail.closedAt && ['Afsluttet', formatDateTime(detail.closedAt)],
            ]
              .filter(Boolean)
              .map(
                ([term, value]) =>
                  html`<div>
                    <dt>${term}</dt>
                    <dd>${value}</dd>
                  </div>`,
              )}
          </dl>
        </section>
        ${familyLetter(resource)} ${protectionPanel(detail)}
      </div>
    </div>
    <section class="panel steps-panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Trin og frister</h2>
      ${stepsTable(detail)}
    </section>
    ${journalState.problem ? notice('error', journalState.problem) : ''} ${journalSections(journalState, detail)}
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Historik</h2>
      ${timeline(resource, history, detail.historyTotal, journalState)}
    </section>
    ${accessLogSection('case')}`;
}

export async function caseView(root, { segments, focus }) {
  const [resource, id] = segments;
  if (!CASE_KINDS[resource] || !id) {
    render(root, html`${heading('Sagen findes ikke')}${notice('error', 'Adressen peger ikke på en sag.')}`);
    return;
  }
  const path = `/api/${resource}/${encodeURIComponent(id)}`;
  let detail;
  let history;
  let forms;
  // The journal and documents: every case type's, written by caseworkers (`case:journal`).
  const journalState = {
    journal: { notes: [], notesTotal: 0, documents: [], documentsTotal: 0 },
    correcting: null,
    mayWrite: can(session.user, 'case:journal'),
    problem: null,
  };
  let stepForms = [];
  const show = (flash, problem = null) => {
    forms = formsFor(resource, detail);
    stepForms = stepFormsFor(detail);
    journalState.problem = problem;
    render(root, pageHtml(resource, detail, forms, history, flash, journalState, stepForms));
    assignment = attachAssignmentPanel(root.querySelector('[data-assignment]'), detail.id);
    attachAccessLog(root, detail.id);
    void attachLegalHoldPanel(root.querySelector('[data-legal-hold]'), detail.id);
  };
  let assignment;
  try {
    detail = await api.get(path);
  } catch (problem) {
    render(root, html`${heading('Sagen kunne ikke vises')}${notice('error', problemText(problem))}`);
    return;
  }
  history = detail.history;
  let journalProblem = null;
  try {
    journalState.journal = await loadJournal(id);
  } catch (problem) {
    journalProblem = `Journal og dokumenter kunne ikke vises: ${problemText(problem)}`;
  }
  show(undefined, journalProblem);
  handleJournal(root, id, journalState, (flash, problem) => {
    show(flash, problem);
    if (flash) focus();
  });
  handleForms(
    root,
    () => [...forms, ...stepForms],
    (spec) => spec.path ?? `${path}/${spec.action}`,
    async (answer, spec) => {
      // A step's deadline decision answers the step: the case is read again to show it everywhere.
      detail = spec.path ? await api.get(path) : answer;
      history = detail.history;
      show(`${spec.title}: gemt.`);
      focus();
    },
  ); // The forms are live before the assignment panel has answered (a submit never goes unhandled).
  handleProtection(
    root,
    () => detail,
    async (flash) => {
      detail = await api.get(path);
      history = detail.history;
      show(flash);
      focus();
    },
  );
  await assignment;

  root.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-family-letter], [data-print-letter]');
    if (!button) return;
    const slot = root.querySelector('[data-letter-slot]');
    if (button.hasAttribute('data-print-letter')) {
      slot.querySelector('iframe')?.contentWindow?.print();
      return;
    }
    button.disabled = true;
    try {
      const letter = await api.text(`${path}/family-letter`);
      const frame = Object.assign(document.createElement('iframe'), {
        title: 'Brev til familien',
        className: 'letter-frame',
      });
      frame.srcdoc = letter;
      const print = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'button primary',
        textContent: 'Udskriv brevet',
      });
      print.setAttribute('data-print-letter', '');
      slot.replaceChildren(frame, print);
    } catch (problem) {
      slot.replaceChildren(
        Object.assign(document.createElement('p'), {
          className: 'field-error',
          textContent: problem.message,
          role: 'alert',
        }),
      );
    } finally {
      button.disabled = false;
    }
  });
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-more-history]');
    if (!button) return;
    button.disabled = true;
    const next = Math.floor(history.length / 50) + 1;
    let page;
    try {
      page = await api.get(`${path}/history${query({ page: next, pageSize: 50 })}`);
    } catch (problem) {
      button.disabled = false;
      button.insertAdjacentElement(
        'afterend',
        Object.assign(document.createElement('p'), {
          className: 'field-error',
          textContent: problem.message,
          role: 'alert',
        }),
      );
      return;
    }
    const firstNew = history.length;
    history = [...history, ...page.items.filter((entry) => !history.some((known) => known.id === entry.id))];
    render(root, pageHtml(resource, detail, forms, history, undefined, journalState, stepForms));
    attachAssignmentPanel(root.querySelector('[data-assignment]'), detail.id);
    attachAccessLog(root, detail.id);
    void attachLegalHoldPanel(root.querySelector('[data-legal-hold]'), detail.id);
    const entry = root.querySelectorAll('.timeline > li:not(.event-note)')[firstNew];
    entry?.setAttribute('tabindex', '-1');
    entry?.focus();
  });
}
