import { api } from './api.js';
import { danishLocalToIso } from './format.js';
import { html, raw } from './html.js';

/**
 * Decision forms described as data. A field's `name` is the API's field path, so the API's per-field
 * problems (`details: [{field, problems}]`) land next to the input they are about. Forms do not check
 * input themselves (`novalidate`): the API's Danish messages are the ones shown.
 *
 * Field: { name, label, type: text|textarea|number|date|datetime|select|radio|checkbox|checkboxes,
 *          options?: [value, label][], hint?, optional?, value? }
 * Form:  { id, title, action, fields, submitLabel, body?(values), confirm? }
 * confirm: { text, label, missing, when?(values) } for a decision that cannot be undone: a warning and a
 *          checkbox the user must tick before the form is sent (`missing` is shown when it is not ticked);
 *          with `when`, only for the values that make it final (an assessment's rejection, not its offer).
 */
const fieldId = (formId, name) => `${formId}-${name.replace(/[^A-Za-z0-9]/g, '-')}`;

function describedBy(id, field) {
  return [field.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
}

function choiceList(id, field, type) {
  const selected = [].concat(field.value ?? []).map(String);
  return field.options.map(
    ([value, label]) =>
      html`<label class="choice"
        ><input
          type="${type}"
          id="${id}-${value}"
          name="${field.name}"
          value="${value}"
          aria-describedby="${describedBy(id, field)}"
          ${selected.includes(String(value)) ? raw(' checked') : ''}
        />
        <span>${label}</span></label
      >`,
  );
}

function control(id, field) {
  const common = html`id="${id}" name="${field.name}" aria-describedby="${describedBy(id, field)}"`;
  switch (field.type) {
    case 'textarea':
      return html`<textarea ${common} rows="3">${field.value ?? ''}</textarea>`;
    case 'select':
      return html`<select ${common}>
        <option value="">Vælg …</option>
        ${field.options.map(
          ([value, label]) =>
            html`<option value="${value}" ${String(field.value) === String(value) ? raw(' selected') : ''}>
              ${label}
            </option>`,
        )}
      </select>`;
    case 'number':
      return html`<input ${common} type="text" inputmode="numeric" value="${field.value ?? ''}" />`;
    case 'datetime':
      return html`<input ${common} type="datetime-local" value="${field.value ?? ''}" />`;
    default:
      return html`<input ${common} type="${field.type}" value="${field.value ?? ''}" />`;
  }
}

function fieldHtml(formId, field) {
  const id = fieldId(formId, field.name);
  const optional = field.optional ? html` <span class="optional">(kan udelades)</span>` : '';
  const hint = field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : '';
  const error = html`<p class="field-error" id="${id}-error" data-error-for="${field.name}"></p>`;
  if (field.type === 'radio' || field.type === 'checkboxes') {
    return html`<fieldset class="field" data-field="${field.name}">
      <legend>${field.label}${optional}</legend>
      ${hint}
      <div class="choices">${choiceList(id, field, field.type === 'radio' ? 'radio' : 'checkbox')}</div>
      ${error}
    </fieldset>`;
  }
  if (field.type === 'checkbox') {
    return html`<div class="field" data-field="${field.name}">
      <label class="choice"
        ><input
          type="checkbox"
          id="${id}"
          name="${field.name}"
          value="true"
          aria-describedby="${describedBy(id, field)}"
          ${field.value ? raw(' checked') : ''}
        />
        <span>${field.label}</span></label
      >${hint}${error}
    </div>`;
  }
  return html`<div class="field" data-field="${field.name}">
    <label for="${id}">${field.label}${optional}</label>${hint}${control(id, field)}${error}
  </div>`;
}

function confirmHtml(spec) {
  const id = `${spec.id}-confirm`;
  return html`<div class="field confirm" data-field="confirm">
    <p class="confirm-text" id="${id}-text"><span aria-hidden="true">⚠</span> ${spec.confirm.text}</p>
    <label class="choice"
      ><input type="checkbox" id="${id}" name="confirm" value="true" aria-describedby="${id}-text ${id}-error" />
      <span>${spec.confirm.label}</span></label
    >
    <p class="field-error" id="${id}-error" data-error-for="confirm"></p>
  </div>`;
}

export function formHtml(spec) {
  return html`<form
    class="decision-form"
    id="${spec.id}"
    data-form="${spec.id}"
    novalidate
    aria-describedby="${spec.id}-problem"
  >
    ${spec.intro ? html`<p class="form-intro">${spec.intro}</p>` : ''}
    ${spec.fields.map((field) => fieldHtml(spec.id, field))} ${spec.confirm ? confirmHtml(spec) : ''}
    <div class="form-problem" id="${spec.id}-problem" role="alert" aria-live="assertive"></div>
    <div class="form-actions"><button type="submit" class="button primary">${spec.submitLabel ?? 'Gem'}</button></div>
  </form>`;
}

/** A form's values as the API wants them: empty fields left out, moments as ISO instants with zone. */
function readValues(form, spec) {
  const values = fieldValues(form, spec);
  return spec.body ? spec.body(values) : values;
}

function fieldValues(form, spec) {
  const data = new FormData(form);
  const values = {};
  for (const field of spec.fields) {
    if (field.type === 'checkboxes') {
      values[field.name] = data.getAll(field.name);
      continue;
    }
    if (field.type === 'checkbox') {
      values[field.name] = data.get(field.name) === 'true';
      continue;
    }
    const text = String(data.get(field.name) ?? '').trim();
    if (text === '') continue;
    if (field.type === 'datetime') {
      values[field.name] = danishLocalToIso(text) ?? text;
    } else if (field.type === 'number') {
      values[field.name] = /^-?\d+$/.test(text) ? Number(text) : text;
    } else if (field.boolean) {
      values[field.name] = text === 'true';
    } else {
      values[field.name] = text;
    }
  }
  return values;
}

function needsConfirmation(form, spec) {
  if (!spec.confirm || form.querySelector('input[name="confirm"]').checked) return false;
  return !spec.confirm.when || spec.confirm.when(fieldValues(form, spec));
}

export function clearProblems(form) {
  form.querySelectorAll('[data-error-for]').forEach((element) => (element.textContent = ''));
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  form.querySelector('.form-problem').replaceChildren();
}

/** Shows the API's message above the button and each field's problems next to the field. */
export function showProblem(form, problem) {
  const summary = form.querySelector('.form-problem');
  const unplaced = [];
  let firstInvalid = null;
  for (const { field, problems } of problem.details.filter((detail) => detail && detail.field)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (!slot) {
      unplaced.push(...problems);
      continue;
    }
    slot.textContent = problems.join(' ');
    const inputs = form.querySelectorAll(`[name="${CSS.escape(field)}"]`);
    inputs.forEach((input) => input.setAttribute('aria-invalid', 'true'));
    firstInvalid ??= inputs[0];
  }
  const heading = document.createElement('p');
  heading.className = 'form-problem-message';
  heading.textContent = problem.message;
  summary.replaceChildren(heading);
  if (unplaced.length) {
    const list = document.createElement('ul');
    list.append(...unplaced.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    summary.append(list);
  }
  firstInvalid?.focus();
}

/**
 * Handles the submits of the forms inside `root` (`specs`: a list, or a function answering the current
 * list): `pathOf(spec)` is where the form posts; on success
 * `onSaved(answer, spec)` runs (typically re-rendering), on an error the API's messages are shown.
 * `options.headersOf(spec, form)`: headers of the request (a start's Idempotency-Key).
 */
export function handleForms(root, specs, pathOf, onSaved, options = {}) {
  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-form]');
    const spec = (typeof specs === 'function' ? specs() : specs).find(
      (candidate) => candidate.id === form?.dataset.form,
    );
    if (!spec) return;
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    clearProblems(form);
    if (needsConfirmation(form, spec)) {
      showProblem(form, {
        message: spec.confirm.missing,
        details: [{ field: 'confirm', problems: [spec.confirm.missing] }],
      });
      return;
    }
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.post(pathOf(spec, form), readValues(form, spec), options.headersOf?.(spec, form));
      await onSaved(answer, spec, form);
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}
