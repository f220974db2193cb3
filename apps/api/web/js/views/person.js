import { api } from '../api.js';
import { formatDate } from '../format.js';
import { html, render } from '../html.js';
import { accessLogSection, attachAccessLog } from './access-log.js';
import { caseHref, heading, notice, problemText } from './common.js';
import { cprFacts } from './person-finder.js';
import { mayStartCases } from './start.js';

/** A person's page (`#/person/<personRef>`: the pseudonym only): name, CPR number and every case in scope. */
function casesTable(cases) {
  return html`<div class="table-wrap">
    <table class="person-cases">
      <caption class="visually-hidden">
        Personens sager
      </caption>
      <thead>
        <tr>
          <th scope="col">Sag</th>
          <th scope="col">Status</th>
          <th scope="col">Enhed</th>
          <th scope="col">Åbnet</th>
          <th scope="col">Afsluttet</th>
        </tr>
      </thead>
      <tbody>
        ${cases.map(
          (c) =>
            html`<tr data-case-id="${c.id}">
              <th scope="row"><a href="${caseHref(c.caseType, c.id)}">${c.caseTypeLabel}</a></th>
              <td>${c.statusText}</td>
              <td>${c.unit.name}</td>
              <td class="nowrap">${formatDate(c.openedAt)}</td>
              <td class="nowrap">${c.closedAt ? formatDate(c.closedAt) : '–'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function personView(root, { segments, user }) {
  const [personRef] = segments;
  let person;
  try {
    person = await api.get(`/api/persons/${encodeURIComponent(personRef ?? '')}`);
  } catch (problem) {
    render(root, html`${heading('Personen kunne ikke vises')}${notice('error', problemText(problem))}`);
    return;
  }
  render(
    root,
    html`${heading(person.name)}
      <section class="panel person-facts" aria-labelledby="person-facts-heading">
        <h2 id="person-facts-heading">Oplysninger</h2>
        <dl class="facts">${cprFacts(person)}</dl>
        ${
          mayStartCases(user)
            ? html`<p>
                <a class="button" href="#/ny?person=${encodeURIComponent(person.personRef)}"
                  >Start en sag for personen</a
                >
              </p>`
            : ''
        }
      </section>
      <section class="panel" aria-labelledby="person-cases-heading">
        <h2 id="person-cases-heading">Sager, du har adgang til</h2>
        ${person.cases.length ? casesTable(person.cases) : html`<p class="empty">Ingen sager, du har adgang til.</p>`}
      </section>
      ${accessLogSection('person')}`,
  );
  await attachAccessLog(root, person.personRef);
}
