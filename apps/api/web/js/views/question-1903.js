import { api, query } from '../api.js';
import { todayInDenmark } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, problemText } from './common.js';
import { downloadReport, periodForm } from './figures.js';

/**
 * Parliament's question 1903 answered for a period (GET /api/reports/exit-courses/question-1903): each part
 * of the question with its answer and how the figures are made up, worded by the API as the ministry
 * would paste it into its reply; printable (print CSS leaves the page's chrome and the form out).
 */
const TITLE = 'Spørgsmål 1903';
const INTRO = 'Svaret på Folketingets spørgsmål for en periode, til at kopiere ind i ministeriets svar eller udskrive.';

function answerView(report) {
  return html`<article class="panel question-answer" aria-labelledby="answer-title">
    <h2 id="answer-title">${report.title}</h2>
    <blockquote class="question-text">
      <p>»${report.question}«</p>
    </blockquote>
    <p>${report.introduction}</p>
    ${report.answers.map(
      (answer) =>
        html`<section class="answer-part" data-part="${answer.part}" aria-labelledby="part-${answer.part}">
          <h3 id="part-${answer.part}">${answer.question}</h3>
          <p class="answer-text">${answer.answer}</p>
          <p class="answer-definition"><strong>Opgørelse:</strong> ${answer.definition}</p>
        </section>`,
    )}
  </article>`;
}

export async function question1903View(root, { params }) {
  const to = params.get('to') ?? todayInDenmark();
  const from = params.get('from') ?? `${to.slice(0, 4)}-01-01`;
  const asOf = params.get('asOf') ?? '';
  let body;
  try {
    body = answerView(await api.get(`/api/reports/exit-courses/question-1903${query({ from, to, asOf })}`));
  } catch (problem) {
    body = notice('error', `Svaret kunne ikke hentes: ${problemText(problem)}`);
  }
  render(
    root,
    html`${heading(TITLE, INTRO)}
      <div class="no-print">
        ${periodForm(from, to, asOf)}
        <div class="report-actions">
          <button type="button" class="button primary" data-print>Udskriv</button>
          <button type="button" class="button" data-csv>Hent CSV</button>
          <a href="#/tal${query({ from, to, asOf })}">Tilbage til Tal</a>
        </div>
      </div>
      ${body}`,
  );
  root.querySelector('form.period').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/spoergsmaal-1903${query(Object.fromEntries(new FormData(event.target)))}`;
  });
  root.querySelector('[data-print]').addEventListener('click', () => window.print());
  root
    .querySelector('[data-csv]')
    .addEventListener('click', (event) =>
      downloadReport(
        event.currentTarget,
        `/api/reports/exit-courses/question-1903${query({ from, to, asOf, format: 'csv' })}`,
        `spoergsmaal-1903-${from}-${to}.csv`,
      ),
    );
}
