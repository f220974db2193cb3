import { api } from '../api.js';
import { formHtml, handleForms } from '../forms.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, problemText } from './common.js';

/**
 * The municipality's social services: the joint home visits DKS has planned with them — when, whom, with
 * which district — and their part in each (participation and their own level-1 case). Nothing else of the
 * police case is theirs to see.
 */
const TITLE = 'Hjemmebesøg';
const INTRO =
  'Fælles hjemmebesøg, som politiets DKS har planlagt med jeres kommune. Registrér, om I deltager, og sagsnummeret på jeres egen niveau 1-sag.';

const YES_NO = [
  ['true', 'Ja'],
  ['false', 'Nej'],
];

function formOf(item) {
  return {
    id: `social-services-${item.caseId}`,
    caseId: item.caseId,
    fields: [
      {
        name: 'participates',
        label: 'Deltager socialforvaltningen i hjemmebesøget?',
        type: 'radio',
        boolean: true,
        options: YES_NO,
        value: item.participates === null ? undefined : String(item.participates),
      },
      {
        name: 'levelOneCaseRef',
        label: 'Sagsnummer på jeres niveau 1-sag',
        type: 'text',
        optional: true,
        hint: 'Kun når I deltager. Gemmes krypteret.',
        value: item.levelOneCaseRef ?? '',
      },
    ],
    submitLabel: 'Registrér deltagelsen',
  };
}

const participation = (item) =>
  item.participates === null
    ? 'ikke registreret'
    : `${item.participates ? 'deltager' : 'deltager ikke'}${item.levelOneCaseRef ? ` · niveau 1-sag ${item.levelOneCaseRef}` : ''} (${formatDateTime(item.participationRecordedAt)})`;

function card(item) {
  return html`<article class="home-visit" aria-labelledby="home-visit-${item.caseId}">
    <h2 id="home-visit-${item.caseId}">${item.person ? item.person.name : 'Ukendt person'}</h2>
    <dl class="facts inline">
      <div>
        <dt>CPR-nummer</dt>
        <dd class="mono">${item.person?.cpr ?? '–'}</dd>
      </div>
      <div>
        <dt>Planlagt</dt>
        <dd>${formatDateTime(item.plannedFor)}${item.held ? ' (holdt)' : ''}</dd>
      </div>
      <div>
        <dt>Politikreds</dt>
        <dd>${item.policeDistrict.name}</dd>
      </div>
      <div>
        <dt>Jeres deltagelse</dt>
        <dd data-participation="${item.caseId}">${participation(item)}</dd>
      </div>
    </dl>
    <details class="decision">
      <summary>Registrér jeres deltagelse</summary>
      ${formHtml(formOf(item))}
    </details>
  </article>`;
}

export async function homeVisitsView(root, { focus }) {
  let answer;
  let flash;
  const load = async () => {
    try {
      answer = await api.get('/api/home-visits');
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice('success', flash) : ''}
      ${
        answer.items.length
          ? html`<div class="home-visits">${answer.items.map(card)}</div>`
          : html`<p class="empty">Ingen planlagte hjemmebesøg med jeres kommune.</p>`
      }`,
    );
  };
  await load();
  handleForms(
    root,
    () => (answer?.items ?? []).map(formOf),
    (spec) => `/api/dks-cases/${encodeURIComponent(spec.caseId)}/social-services`,
    async () => {
      flash = 'Jeres deltagelse er registreret.';
      await load();
      focus();
    },
  );
}
