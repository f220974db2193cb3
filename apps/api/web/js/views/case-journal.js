import { api, download, query } from '../api.js';
import { formHtml, handleForms, clearProblems, showProblem } from '../forms.js';
import { danishLocalValue, formatDateTime } from '../format.js';
import { html } from '../html.js';
import { choices } from '../reference.js';
import { notice, problemText } from './common.js';

/**
 * A case's journal and documents, for every case type (`/api/cases/:id/notes`, `/api/cases/:id/documents`):
 * the "Journal" form (kind, moment, text; "Ret" writes a correction), the notes merged into the timeline,
 * and the "Dokumenter" section with its upload and downloads.
 */
const LIST = query({ pageSize: 100 });

/** The case's notes and documents (each read is logged by the API). */
export async function loadJournal(caseId) {
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const [notes, documents] = await Promise.all([api.get(`${base}/notes${LIST}`), api.get(`${base}/documents${LIST}`)]);
  return { notes: notes.items, notesTotal: notes.total, documents: documents.items, documentsTotal: documents.total };
}

const excerpt = (text) => (text.length > 80 ? `${text.slice(0, 80)} …` : text);

/** A note as a timeline entry: a correction says which note it corrects; a corrected note says so. */
export function noteEntry(note, journal, mayWrite) {
  const corrected = note.correctsNoteId && journal.notes.find((other) => other.id === note.correctsNoteId);
  const correction = note.correctedByNoteId && journal.notes.find((other) => other.id === note.correctedByNoteId);
  return html`<li class="event event-note ${note.correctedByNoteId ? 'is-corrected' : ''}" data-note="${note.id}">
    <time datetime="${note.occurredAt}">${formatDateTime(note.occurredAt)}</time>
    <div class="event-body">
      <p class="event-title">
        ${note.correctsNoteId ? `Rettelse til notat (${note.kindText})` : `Notat (${note.kindText})`}
      </p>
      ${
        corrected
          ? html`<p class="note-corrects">
              Retter notatet fra ${formatDateTime(corrected.occurredAt)}: <q>${excerpt(corrected.text)}</q>
            </p>`
          : ''
      }
      <p class="note-text">${note.text}</p>
      ${correction ? html`<p class="note-corrected muted small">Rettet ${formatDateTime(correction.recordedAt)} – se rettelsen.</p>` : ''}
      <p class="event-actor">
        ${note.authorName ?? `Bruger ${note.authorId.slice(0, 8)}`} · skrevet ${formatDateTime(note.recordedAt)}
      </p>
      ${mayWrite ? html`<button type="button" class="button small" data-correct-note="${note.id}">Ret</button>` : ''}
    </div>
  </li>`;
}

/** The timeline's entries with the notes among them, by the moment each happened (history keeps its order). */
export function withNotes(history, journal, entryOf, mayWrite) {
  const notes = [...journal.notes];
  const entries = [];
  for (const entry of history) {
    while (notes.length && Date.parse(notes[0].occurredAt) < Date.parse(entry.occurredAt)) {
      entries.push(noteEntry(notes.shift(), journal, mayWrite));
    }
    entries.push(entryOf(entry));
  }
  return [...entries, ...notes.map((note) => noteEntry(note, journal, mayWrite))];
}

/** The note form; for a correction, prefilled from the corrected note and sent with its id. */
function noteForm(correcting) {
  return {
    id: 'journal-note',
    title: correcting ? 'Ret notat' : 'Nyt notat',
    action: 'notes',
    submitLabel: correcting ? 'Gem rettelsen' : 'Gem notat',
    intro: correcting
      ? `Rettelsen gemmes som et nyt notat, der peger på notatet fra ${formatDateTime(correcting.occurredAt)}. Det oprindelige notat bevares uændret.`
      : 'Notater kan ikke ændres bagefter; en fejl rettes med »Ret« på notatet.',
    fields: [
      { name: 'kind', label: 'Art', type: 'select', options: choices('noteKinds'), value: correcting?.kind },
      {
        name: 'occurredAt',
        label: 'Tidspunkt',
        type: 'datetime',
        hint: 'Hvornår det skete (dansk tid).',
        value: correcting ? danishLocalValue(correcting.occurredAt) : undefined,
      },
      { name: 'text', label: 'Tekst', type: 'textarea', value: correcting?.text },
    ],
    body: (values) => (correcting ? { ...values, correctsNoteId: correcting.id } : values),
  };
}

function journalPanel(state) {
  const spec = noteForm(state.correcting);
  return html`<section class="panel" aria-labelledby="journal-heading">
    <h2 id="journal-heading">Journal</h2>
    <p class="muted small">
      ${state.journal.notesTotal === 1 ? '1 notat' : `${state.journal.notesTotal} notater`} – vises i historikken.
    </p>
    ${
      state.mayWrite
        ? html`<h3 class="form-title">${spec.title}</h3>
            ${formHtml(spec)}
            ${state.correcting ? html`<button type="button" class="button" data-cancel-correction>Fortryd rettelsen</button>` : ''}`
        : ''
    }
  </section>`;
}

const sizeText = (bytes) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;

function documentsTable(journal) {
  if (!journal.documents.length) return html`<p class="empty">Ingen dokumenter på sagen.</p>`;
  return html`<div class="table-wrap">
    <table class="stack documents">
      <caption class="visually-hidden">
        Sagens dokumenter
      </caption>
      <thead>
        <tr>
          <th scope="col">Fil</th>
          <th scope="col">Type</th>
          <th scope="col">Trin</th>
          <th scope="col">Lagt på</th>
          <th scope="col">Hent</th>
        </tr>
      </thead>
      <tbody>
        ${journal.documents.map(
          (document) =>
            html`<tr>
              <th scope="row" class="file-name">${document.fileName}</th>
              <td data-label="Type">${document.typeText}</td>
              <td data-label="Trin">${document.stepLabel ?? '–'}</td>
              <td data-label="Lagt på">
                ${formatDateTime(document.uploadedAt)}${document.uploadedByName ? ` · ${document.uploadedByName}` : ''}
              </td>
              <td data-label="Hent">
                <button type="button" class="button small" data-download="${document.id}">
                  Hent <span class="visually-hidden">${document.fileName}</span> (${sizeText(document.sizeBytes)})
                </button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function uploadForm(detail) {
  return html`<form
    class="decision-form"
    id="document-upload"
    data-upload
    novalidate
    aria-describedby="document-upload-problem"
  >
    <h3 class="form-title">Læg et dokument på sagen</h3>
    <p class="form-intro">
      PDF, billeder (PNG, JPEG) og Office-filer (docx, xlsx, pptx). Filens indhold afgør, hvad den er – ikke dens navn.
    </p>
    <div class="field" data-field="type">
      <label for="document-upload-type">Dokumenttype</label>
      <select id="document-upload-type" name="type" aria-describedby="document-upload-type-error">
        <option value="">Vælg …</option>
        ${choices('documentTypes').map(([value, label]) => html`<option value="${value}">${label}</option>`)}
      </select>
      <p class="field-error" id="document-upload-type-error" data-error-for="type"></p>
    </div>
    <div class="field" data-field="stepId">
      <label for="document-upload-step">Trin <span class="optional">(kan udelades)</span></label>
      <select id="document-upload-step" name="stepId" aria-describedby="document-upload-step-error">
        <option value="">Intet bestemt trin</option>
        ${detail.steps.map((step) => html`<option value="${step.id}">${step.label} (${formatDateTime(step.openedAt)})</option>`)}
      </select>
      <p class="field-error" id="document-upload-step-error" data-error-for="stepId"></p>
    </div>
    <div class="field" data-field="file">
      <label for="document-upload-file">Fil</label>
      <input id="document-upload-file" name="file" type="file" aria-describedby="document-upload-file-error" />
      <p class="field-error" id="document-upload-file-error" data-error-for="file"></p>
    </div>
    <div class="form-problem" id="document-upload-problem" role="alert" aria-live="assertive"></div>
    <div class="form-actions"><button type="submit" class="button primary">Læg på sagen</button></div>
  </form>`;
}

function documentsPanel(state, detail) {
  return html`<section class="panel documents-panel" aria-labelledby="documents-heading">
    <h2 id="documents-heading">Dokumenter</h2>
    ${documentsTable(state.journal)}
    ${state.journal.documentsTotal > state.journal.documents.length ? html`<p class="muted">Viser de nyeste ${state.journal.documents.length} af ${state.journal.documentsTotal}.</p>` : ''}
    ${state.mayWrite ? uploadForm(detail) : ''}
  </section>`;
}

/** The journal and documents sections of a case page. */
export function journalSections(state, detail) {
  return html`<div class="case-journal">${journalPanel(state)}${documentsPanel(state, detail)}</div>`;
}

/**
 * Wires the journal's forms and buttons inside `root`. `state` holds `{ journal, correcting, mayWrite }`;
 * `rerender(flash, problem)` draws the page again from it.
 */
export function handleJournal(root, caseId, state, rerender) {
  // rerender(flash, problem): the page again, with a success message or a problem to show.
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const reload = async (flash) => {
    try {
      Object.assign(state.journal, await loadJournal(caseId));
    } catch (problem) {
      rerender(null, problemText(problem));
      return;
    }
    rerender(flash);
  };
  handleForms(
    root,
    () => [noteForm(state.correcting)],
    () => `${base}/notes`,
    async () => {
      const wasCorrection = Boolean(state.correcting);
      state.correcting = null;
      await reload(wasCorrection ? 'Rettelsen er gemt som et nyt notat.' : 'Notatet er gemt.');
    },
  );
  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-upload]');
    if (!form) return;
    event.preventDefault();
    clearProblems(form);
    const data = new FormData(form);
    const body = new FormData();
    for (const name of ['type', 'stepId']) {
      const value = String(data.get(name) ?? '');
      if (value) body.append(name, value);
    }
    const file = form.querySelector('input[type="file"]').files[0];
    if (file) body.append('file', file, file.name);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await api.upload(`${base}/documents`, body);
      await reload('Dokumentet er lagt på sagen.');
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  root.addEventListener('click', async (event) => {
    const correct = event.target.closest('[data-correct-note]');
    if (correct) {
      state.correcting = state.journal.notes.find((note) => note.id === correct.dataset.correctNote) ?? null;
      rerender();
      root.querySelector('#journal-note select, #journal-note textarea')?.focus();
      return;
    }
    if (event.target.closest('[data-cancel-correction]')) {
      state.correcting = null;
      rerender();
      return;
    }
    const fetchButton = event.target.closest('[data-download]');
    if (!fetchButton) return;
    const wanted = state.journal.documents.find((candidate) => candidate.id === fetchButton.dataset.download);
    fetchButton.disabled = true;
    try {
      await download(wanted.downloadPath, wanted.fileName, '*/*');
    } catch (problem) {
      fetchButton.insertAdjacentHTML('afterend', String(notice('error', problemText(problem))));
    } finally {
      fetchButton.disabled = false;
    }
  });
}
