import { api } from '../api.js';
import { formatDate } from '../format.js';
import { clearProblems, formHtml, showProblem } from '../forms.js';
import { html, render } from '../html.js';
import { notice, problemText } from './common.js';

/**
 * Finding a person: by CPR number (`POST /api/persons/lookup`) or by name (`POST /api/persons/search`),
 * both in the request body, never in the address. Results link to the person's page; with `choose`, each
 * has a button that hands the person to the view (Ny sag).
 */
const PAGE_SIZE = 10;

export const CPR_FORM = {
  id: 'find-cpr',
  fields: [{ name: 'cpr', label: 'CPR-nummer', type: 'text', hint: 'DDMMÅÅ-XXXX.' }],
  submitLabel: 'Find på CPR-nummer',
};
export const NAME_FORM = {
  id: 'find-name',
  fields: [
    {
      name: 'name',
      label: 'Navn',
      type: 'text',
      hint: 'Hele ord af navnet; hvert ord skal passe. Store og små bogstaver og accenter er lige.',
    },
  ],
  submitLabel: 'Søg på navn',
};

/** The problem with a typed CPR number (as the API words it), or null: the form says it before sending. */
export function cprProblem(text) {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(text.trim());
  if (!match) return 'CPR-nummeret skal have formen DDMMÅÅ-XXXX.';
  const [day, month, year] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(2000 + year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'CPR-nummeret indeholder ikke en gyldig fødselsdato.';
  }
  return null;
}

/** Age in whole years today, from a birth date `YYYY-MM-DD`. */
export function ageToday(birthDate) {
  const [year, month, day] = birthDate.split('-').map(Number);
  const now = new Date();
  const before = now.getMonth() + 1 < month || (now.getMonth() + 1 === month && now.getDate() < day);
  return now.getFullYear() - year - (before ? 1 : 0);
}

/** The CPR number and birth date (with age) of a found person, as rows of a `dl.facts`. */
export function cprFacts(person) {
  return html`<div>
      <dt>CPR-nummer</dt>
      <dd>${person.cpr}</dd>
    </div>
    <div>
      <dt>Født</dt>
      <dd>${formatDate(person.birthDate)} (${ageToday(person.birthDate)} år)</dd>
    </div>`;
}

export function finderHtml(title = 'Find personen') {
  return html`<section class="panel person-finder" aria-labelledby="finder-heading">
    <h2 id="finder-heading">${title}</h2>
    <div class="finder-forms">${formHtml(CPR_FORM)} ${formHtml(NAME_FORM)}</div>
    <div class="finder-results" id="finder-results" aria-live="polite"></div>
  </section>`;
}

function resultsHtml(persons, { choose, total, page }) {
  if (!persons.length) return notice('info', 'Ingen personer med det navn, du har adgang til.');
  const pages = Math.ceil(total / PAGE_SIZE);
  return html`<p class="summary"><strong>${total}</strong> ${total === 1 ? 'person fundet' : 'personer fundet'}</p>
    <ul class="person-results">
      ${persons.map(
        (person) =>
          html`<li class="person-result">
            <span class="person-name"
              ><a href="#/person/${encodeURIComponent(person.personRef)}">${person.name}</a></span
            >
            <span class="muted">CPR ${person.cpr} · født ${formatDate(person.birthDate)}</span>
            ${
              choose
                ? html`<button type="button" class="button" data-choose-person="${person.personRef}">
                    Vælg<span class="visually-hidden"> ${person.name}</span>
                  </button>`
                : ''
            }
          </li>`,
      )}
    </ul>
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="Sider med personer">
            ${page > 1 ? html`<button type="button" class="button" data-search-page="${page - 1}">← Forrige</button>` : html`<span></span>`}
            <span>Side ${page} af ${pages}</span>
            ${page < pages ? html`<button type="button" class="button" data-search-page="${page + 1}">Næste →</button>` : html`<span></span>`}
          </nav>`
        : ''
    }`;
}

/**
 * Handles the finder's forms inside `root`. `onFound(person)`: a CPR lookup found the person (with their
 * cases); `onNotFound(cpr)`: it did not; `onChosen(personRef)`: a result's button (with `choose`).
 */
export function attachFinder(root, { choose = false, onFound, onNotFound, onChosen }) {
  let lastName = '';
  const results = () => root.querySelector('#finder-results');

  async function searchName(form, name, page) {
    try {
      const answer = await api.post('/api/persons/search', { name, page, pageSize: PAGE_SIZE });
      lastName = name;
      render(results(), resultsHtml(answer.items, { choose, total: answer.total, page }));
    } catch (problem) {
      if (problem.status === 401) return;
      if (form) showProblem(form, withField(problem, 'name'));
      else render(results(), notice('error', problemText(problem)));
    }
  }

  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-form]');
    if (form?.id !== CPR_FORM.id && form?.id !== NAME_FORM.id) return;
    event.preventDefault();
    clearProblems(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      if (form.id === NAME_FORM.id) {
        await searchName(form, String(new FormData(form).get('name') ?? '').trim(), 1);
        return;
      }
      const cpr = String(new FormData(form).get('cpr') ?? '').trim();
      const invalid = cprProblem(cpr);
      if (invalid) {
        showProblem(form, { message: invalid, details: [{ field: 'cpr', problems: [invalid] }] });
        return;
      }
      try {
        onFound(await api.post('/api/persons/lookup', { cpr }));
      } catch (problem) {
        if (problem.status === 404) {
          render(results(), notice('info', 'Ingen person med dette CPR-nummer, som du har adgang til.'));
          onNotFound?.(cpr);
        } else if (problem.status !== 401) showProblem(form, withField(problem, 'cpr'));
      }
    } finally {
      button.disabled = false;
    }
  });

  root.addEventListener('click', (event) => {
    const pageButton = event.target.closest('[data-search-page]');
    if (pageButton) {
      searchName(null, lastName, Number(pageButton.dataset.searchPage));
      return;
    }
    const chooseButton = event.target.closest('[data-choose-person]');
    if (chooseButton) onChosen?.(chooseButton.dataset.choosePerson);
  });
}

/** A 422 without per-field problems is about the one field the form has: shown next to it. */
export function withField(problem, field) {
  if (problem.details.length || problem.status !== 422) return problem;
  return { message: problem.message, details: [{ field, problems: [problem.message] }] };
}
