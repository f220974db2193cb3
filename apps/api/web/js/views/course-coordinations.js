import { api } from '../api.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, problemText } from './common.js';

/**
 * The national supervisor's coordination list (docs/need-to-know.md): starts of an exit course for a person
 * whose open course a unit of the organisation holds. The starting unit was told only that the start needs
 * coordination; the supervisor sees both units, opens the course, and marks the request resolved.
 */
const TITLE = 'Koordinering af exit-forløb';
const INTRO =
  'En enhed har forsøgt at starte et exit-forløb for en person, som allerede har et åbent forløb hos en af jeres enheder. Enheden har ikke fået at vide hvorfor. Koordinér med begge enheder, og afslut anmodningen.';

function row(item) {
  return html`<tr data-coordination="${item.id}">
    <td>${formatDateTime(item.requestedAt)}</td>
    <td>${item.requestingUnit.name}</td>
    <td>${item.holdingUnit.name}</td>
    <td><a href="#/sag/exit-courses/${encodeURIComponent(item.heldCaseId)}">Se forløbet</a></td>
    <td>
      ${
        item.resolvedAt
          ? `Afsluttet ${formatDateTime(item.resolvedAt)}`
          : html`<button type="button" data-resolve="${item.id}">Afslut</button>`
      }
    </td>
  </tr>`;
}

export async function courseCoordinationsView(root, { focus }) {
  let flash;
  const load = async () => {
    let answer;
    try {
      answer = await api.get('/api/course-coordinations');
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice('success', flash) : ''}
      ${
        answer.items.length
          ? html`<div class="table-wrap">
              <table class="coordinations">
                <caption>
                  Anmodninger om koordinering, nyeste først
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Forsøgt</th>
                    <th scope="col">Enheden, der ville starte</th>
                    <th scope="col">Enheden med det åbne forløb</th>
                    <th scope="col">Forløbet</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  ${answer.items.map(row)}
                </tbody>
              </table>
            </div>`
          : html`<p class="empty">Ingen anmodninger om koordinering.</p>`
      }`,
    );
  };
  root.addEventListener('click', async (event) => {
    const id = event.target.closest?.('[data-resolve]')?.dataset.resolve;
    if (!id) return;
    try {
      await api.post(`/api/course-coordinations/${encodeURIComponent(id)}/resolve`);
      flash = 'Anmodningen er afsluttet.';
    } catch (problem) {
      flash = undefined;
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    await load();
    focus();
  });
  await load();
}
