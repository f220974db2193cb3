import { api, can } from '../api.js';
import { capitalised, formatDate } from '../format.js';
import { formHtml, handleForms } from '../forms.js';
import { html, render } from '../html.js';
import { choices } from '../reference.js';
import { caseHref, heading, notice, problemText } from './common.js';
import { attachFinder, finderHtml } from './person-finder.js';
import { newKey, ownUnits } from './start.js';

/**
 * Concern letters (*bekymringsbreve*): a police district's coordination rounds, and a round's candidates
 * with a form to propose one. Each candidate is a case of its own (`#/sag/concern-letters/<id>`), where the
 * committee decides and the exit unit delivers.
 */
/** A select of the user's own units of a kind, the one chosen when there is only one. */
function ownUnitField(user, kind, name, label) {
  const options = ownUnits(user, kind);
  return { name, label, type: 'select', options, ...(options.length === 1 ? { value: options[0][0] } : {}) };
}

function roundForm(user) {
  return {
    id: 'concern-letter-round',
    fields: [
      ownUnitField(user, 'police_district', 'policeDistrictCode', 'Politikreds'),
      {
        name: 'meetingDate',
        label: 'Mødedato',
        type: 'date',
        optional: true,
        hint: 'Tom: 8 uger efter kredsens seneste runde.',
      },
      { name: 'capacity', label: 'Antal pladser', type: 'number', optional: true, hint: 'Tom: 10 kandidater.' },
    ],
    submitLabel: 'Opret runden',
  };
}

function candidateForm(user) {
  const municipal = user.organisation === 'kommune';
  return {
    id: 'concern-letter-candidate',
    fields: [
      {
        name: 'personRef',
        label: 'Personreference',
        type: 'text',
        hint: 'Vælg personen ovenfor, eller skriv personreferencen.',
      },
      ...(municipal
        ? [
            {
              name: 'proposedBy',
              label: 'Indstillet af',
              type: 'radio',
              options: choices('concernLetterProposers')
                .filter(([value]) => value === 'ssp' || value === 'municipal_exit_unit')
                .map(([value, label]) => [value, capitalised(label)]),
            },
            ownUnitField(user, 'municipality', 'municipalityCode', 'Kommune'),
          ]
        : []),
    ],
    submitLabel: 'Indstil kandidaten',
  };
}

function roundsTable(rounds) {
  if (!rounds.length) return html`<p class="empty">Ingen runder endnu.</p>`;
  return html`<div class="table-wrap">
    <table class="data">
      <thead>
        <tr>
          <th scope="col">Mødedato</th>
          <th scope="col">Politikreds</th>
          <th scope="col">Kandidater</th>
        </tr>
      </thead>
      <tbody>
        ${rounds.map(
          (round) =>
            html`<tr>
              <td><a href="#/bekymringsbreve/${encodeURIComponent(round.id)}">${formatDate(round.meetingDate)}</a></td>
              <td>${round.policeDistrict.name}</td>
              <td>${round.candidateCount} af ${round.capacity}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function candidatesTable(candidates) {
  if (!candidates.length) return html`<p class="empty">Ingen kandidater, du har adgang til.</p>`;
  return html`<div class="table-wrap">
    <table class="data">
      <thead>
        <tr>
          <th scope="col">Kandidat</th>
          <th scope="col">Indstillet af</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        ${candidates.map(
          (candidate) =>
            html`<tr>
              <td>
                <a class="mono" href="${caseHref('concern_letter', candidate.id)}">${candidate.personRef}</a>
              </td>
              <td>${capitalised(candidate.proposedByText)} (${candidate.proposingUnit.name})</td>
              <td>${candidate.statusText}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

async function roundsList(root, { user }) {
  let rounds;
  try {
    rounds = (await api.get('/api/concern-letter-rounds?pageSize=50')).items;
  } catch (problem) {
    render(root, html`${heading('Bekymringsbreve')} ${notice('error', problemText(problem))}`);
    return;
  }
  const forms = can(user, 'concern-letter:round') && ownUnits(user, 'police_district').length ? [roundForm(user)] : [];
  render(
    root,
    html`${heading(
        'Bekymringsbreve',
        'Koordinationsudvalgets runder: kandidater indstilles til en runde, og udvalget beslutter i fællesskab, hvem der får et bekymringsbrev.',
      )}
      ${
        forms.length
          ? html`<section class="panel" aria-labelledby="new-round-heading">
              <h2 id="new-round-heading">Ny runde</h2>
              ${formHtml(forms[0])}
            </section>`
          : ''
      }
      <section class="panel" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Runder</h2>
        ${roundsTable(rounds)}
      </section>`,
  );
  handleForms(
    root,
    forms,
    () => '/api/concern-letter-rounds',
    (round) => {
      location.hash = `#/bekymringsbreve/${encodeURIComponent(round.id)}`;
    },
  );
}

async function roundPage(root, { user, roundId }) {
  let round;
  try {
    round = await api.get(`/api/concern-letter-rounds/${encodeURIComponent(roundId)}`);
  } catch (problem) {
    render(root, html`${heading('Runden')} ${notice('error', problemText(problem))}`);
    return;
  }
  const mayPropose = can(user, 'concern-letter:propose');
  const form = candidateForm(user);
  let key = newKey();
  render(
    root,
    html`${heading(`Runde ${formatDate(round.meetingDate)}: ${round.policeDistrict.name}`)}
      <p class="lead">
        ${round.candidateCount} af ${round.capacity} pladser er taget. Udvalgets beslutning om hver kandidat skal
        foreligge ved mødet.
      </p>
      <p><a href="#/bekymringsbreve">← Alle runder</a></p>
      <section class="panel" aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">Kandidater</h2>
        ${candidatesTable(round.candidates)}
      </section>
      ${
        mayPropose
          ? html`${finderHtml('Find kandidaten')}
              <section class="panel" aria-labelledby="propose-heading">
                <h2 id="propose-heading">Indstil en kandidat</h2>
                ${formHtml(form)}
              </section>`
          : ''
      }`,
  );
  if (!mayPropose) return;
  attachFinder(root, {
    choose: true,
    onFound: (person) => {
      root.querySelector('input[name="personRef"]').value = person.personRef;
      render(root.querySelector('#finder-results'), notice('success', `Valgt som kandidat: ${person.name}.`));
    },
    onChosen: (personRef) => {
      root.querySelector('input[name="personRef"]').value = personRef;
    },
  });
  handleForms(
    root,
    [form],
    () => `/api/concern-letter-rounds/${encodeURIComponent(roundId)}/candidates`,
    (letter) => {
      key = newKey();
      location.hash = caseHref('concern_letter', letter.id);
    },
    { headersOf: () => ({ 'Idempotency-Key': key }) },
  );
}

export async function concernLettersView(root, { segments, user }) {
  const [roundId] = segments;
  if (roundId) await roundPage(root, { user, roundId });
  else await roundsList(root, { user });
}
