import { api } from '../api.js';
import { html } from '../html.js';
import { choices } from '../reference.js';
import { notice, problemText } from './common.js';

/*
 * A case's person under udvidet adressebeskyttelse (docs/protected-persons.md): the API answers »Beskyttet
 * person« for everyone; a caseworker of the unit holding the case is shown the name and CPR number only
 * after choosing a reason (logged), and whoever may sets or lifts the protection here.
 */

const options = (list, only) =>
  choices(list)
    .filter(([value]) => !only || only(value))
    .map(([value, label]) => html`<option value="${value}">${label}</option>`);

/** The reveal form: a reason from the list and an optional text. */
function revealForm() {
  return html`<details class="reveal-person" data-reveal>
    <summary class="button">Vis navn og CPR-nummer</summary>
    <form data-reveal-form novalidate>
      <div class="field">
        <label for="reveal-reason">Begrundelse</label>
        <select id="reveal-reason" name="reason" required>
          <option value="">Vælg begrundelse</option>
          ${options('revealReasons')}
        </select>
        <p class="hint">Visningen logges med begrundelsen.</p>
      </div>
      <div class="field">
        <label for="reveal-note">Uddybning <span class="optional">(valgfri)</span></label>
        <input type="text" id="reveal-note" name="note" maxlength="200" autocomplete="off" />
        <p class="hint">Skriv aldrig en adresse her.</p>
      </div>
      <p class="field-error" data-reveal-problem role="alert"></p>
      <button type="submit" class="button primary">Vis navn og CPR-nummer</button>
    </form>
  </details>`;
}

/** The person in the case's heading line: the link to the person, or the mask (and the reveal, where allowed). */
export function personMeta(detail) {
  const person = detail.person;
  if (!person) return html`Person <span class="mono">${detail.personRef}</span>`;
  if (!person.protected) {
    return html`<a class="case-person" href="#/person/${encodeURIComponent(detail.personRef)}">${person.name}</a> · CPR
      <span class="mono">${person.cpr}</span>`;
  }
  return html`<span class="case-person" data-person-name tabindex="-1">${person.name}</span>
    <span class="badge protected">Udvidet adressebeskyttelse</span>
    <span data-person-cpr></span>
    ${person.revealable ? revealForm() : ''}`;
}

/** The side panel: the protection as it is, and the form to set or lift it for a user who may. */
export function protectionPanel(detail) {
  const person = detail.person;
  if (!person?.protectable) return '';
  const isProtected = person.protected;
  const status = isProtected
    ? 'Personen er beskyttet: navn, CPR-nummer og fritekster vises ikke for andre enheder.'
    : 'Personen er ikke beskyttet.';
  return html`<section class="panel protection-panel" aria-labelledby="protection-heading">
    <h2 id="protection-heading">Udvidet adressebeskyttelse</h2>
    <p>${status}</p>
    <form data-protection-form data-protected="${isProtected ? 'false' : 'true'}" novalidate>
      <div class="field">
        <label for="protection-reason">Årsag</label>
        <select id="protection-reason" name="reason" required>
          <option value="">Vælg årsag</option>
          ${options('protectionReasons', (value) => (value === 'protection_ended') === isProtected)}
        </select>
      </div>
      <p class="field-error" data-protection-problem role="alert"></p>
      <button type="submit" class="button">
        ${isProtected ? 'Ophæv udvidet adressebeskyttelse' : 'Sæt udvidet adressebeskyttelse'}
      </button>
    </form>
  </section>`;
}

/**
 * Handles both forms of `root`. `current()` answers the case's detail as shown now; `changed(flash)` reads
 * the case again after the protection changed.
 */
export function handleProtection(root, current, changed) {
  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('[data-reveal-form], [data-protection-form]');
    if (!form) return;
    event.preventDefault();
    const detail = current();
    const reveal = form.hasAttribute('data-reveal-form');
    const problem = form.querySelector(reveal ? '[data-reveal-problem]' : '[data-protection-problem]');
    const reason = form.elements.reason.value;
    if (!reason) {
      problem.textContent = reveal ? 'Vælg en begrundelse.' : 'Vælg en årsag.';
      form.elements.reason.setAttribute('aria-invalid', 'true');
      form.elements.reason.focus();
      return;
    }
    form.elements.reason.removeAttribute('aria-invalid');
    problem.textContent = '';
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      if (reveal) {
        const note = form.elements.note.value.trim();
        const person = await api.post(`/api/cases/${encodeURIComponent(detail.id)}/person/reveal`, {
          reason,
          ...(note ? { note } : {}),
        });
        root.querySelector('[data-person-name]').textContent = person.name;
        root.querySelector('[data-person-cpr]').textContent = `CPR ${person.cpr}`;
        const details = form.closest('[data-reveal]');
        details.insertAdjacentHTML(
          'afterend',
          String(notice('success', 'Navn og CPR-nummer vises. Visningen er logget med begrundelsen.')),
        );
        details.remove();
        root.querySelector('[data-person-name]').focus?.();
      } else {
        await api.post(`/api/persons/${encodeURIComponent(detail.personRef)}/protection`, {
          protected: form.dataset.protected === 'true',
          reason,
        });
        await changed(
          form.dataset.protected === 'true'
            ? 'Udvidet adressebeskyttelse er sat.'
            : 'Udvidet adressebeskyttelse er ophævet.',
        );
      }
    } catch (failure) {
      problem.textContent = problemText(failure);
      button.disabled = false;
    }
  });
}
