/**
 * Safe HTML from template literals: every interpolated value is escaped unless it is itself made by
 * `html` (or `raw`). Arrays are joined; `null`, `undefined` and `false` render nothing.
 */
class SafeHtml {
  constructor(value) {
    this.value = value;
  }

  toString() {
    return this.value;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function part(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return String(value).replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export function html(strings, ...values) {
  return new SafeHtml(
    strings.reduce((out, text, index) => out + text + (index < values.length ? part(values[index]) : ''), ''),
  );
}

/** Trusted markup written in this code (never data from the API or the user). */
export function raw(markup) {
  return new SafeHtml(String(markup));
}

export function render(target, content) {
  target.innerHTML = part(content);
}
