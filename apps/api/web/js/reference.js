import { api } from './api.js';

/**
 * The names behind the API's codes (`GET /api/reference-data`): organisations, units, case types, step
 * kinds and the values of the cases' choices (`choices`: readiness items, parties, participant roles …),
 * from the tables the server uses. Loaded once after login, before the first view.
 */
let data = null;

export async function loadReferenceData() {
  data ??= await api.get('/api/reference-data');
  return data;
}

/** The units changed (an administrator's page): the next view loads the names again. */
export function forgetReferenceData() {
  data = null;
}

/** Until loaded (or when the API could not be reached) lists are empty and codes are shown as they are. */
const loaded = () => data ?? { organisations: [], units: [], roles: [], caseTypes: [], stepKinds: [], choices: {} };

/** `[code, name]` choices. */
export const organisationChoices = () =>
  loaded().organisations.map((organisation) => [organisation.code, organisation.name]);
export const caseTypeChoices = () => loaded().caseTypes.map((caseType) => [caseType.code, caseType.label]);
/** Open units of one kind (`institution`, `police_district`, `municipality`), optionally leaving one out. */
export const unitsOfKind = (kind, except) =>
  loaded()
    .units.filter((unit) => unit.kind === kind && !unit.closedAt && unit.code !== except)
    .map((unit) => [unit.code, unit.name]);
/** `[code, name]` of the units of one organisation. */
export const unitsOfOrganisation = (organisation) =>
  loaded()
    .units.filter((unit) => unit.organisation === organisation)
    .map((unit) => [unit.code, unit.name]);
/** `[code, label]` of the roles an organisation's users may have. */
export const rolesOfOrganisation = (organisation) =>
  (loaded().roles ?? [])
    .filter((role) => role.organisations.includes(organisation))
    .map((role) => [role.code, role.label]);
/** Step kinds, of one case type or all. */
export const stepKindChoices = (caseType) =>
  loaded()
    .stepKinds.filter((step) => !caseType || step.caseType === caseType)
    .map((step) => [step.kind, step.label]);

/**
 * `[value, name]` of one list of the API's choices (`readinessItems`, `participantRoles`, …), in the API's
 * order. Names are written as inside a sentence (`bolig`, `den unge`); forms start them with a capital.
 */
export const choices = (list) => (loaded().choices?.[list] ?? []).map((choice) => [choice.value, choice.label]);

/**
 * `[code, name]` of an ending's reason codes (`interruption`, `handover_decline` …, from
 * libs/domain/case/ending-reasons.ts via `endings`), in the API's order; `other` (*andet*) is last.
 */
export const endingReasonChoices = (ending) =>
  (loaded().endings?.find((candidate) => candidate.ending === ending)?.reasons ?? []).map((reason) => [
    reason.value,
    reason.label,
  ]);

/** The name of a value in one list of choices (`choiceLabel('readinessItems', 'housing')` → `bolig`), or the value. */
export function choiceLabel(list, value) {
  return data?.choices?.[list]?.find((choice) => choice.value === value)?.label ?? value;
}

/** The API's resource of a case type (`dks_assessment` → `dks-cases`), as the case page's route names it. */
export function caseResource(caseType) {
  return data?.caseTypes.find((type) => type.code === caseType)?.resource ?? caseType;
}

export function stepKindLabel(kind) {
  return data?.stepKinds.find((step) => step.kind === kind)?.label ?? kind;
}

/** Whose turn a step of this kind is (the role), or null for a kind this page does not know. */
export function responsibleRoleLabel(kind) {
  return data?.stepKinds.find((step) => step.kind === kind)?.responsibleRoleLabel ?? null;
}

export function roleLabel(code) {
  return data?.roles?.find((role) => role.code === code)?.label ?? code;
}

export function unitName(code) {
  return data?.units.find((unit) => unit.code === code)?.name ?? code;
}

/** The kind of a unit (`municipality`, `police_district`, `institution`), or undefined for an unknown code. */
export function unitKind(code) {
  return data?.units.find((unit) => unit.code === code)?.kind;
}

/** When a step with this deadline becomes due soon (its kind's warning window before it), as an ISO instant. */
export function warningAt(kind, dueAt) {
  const hours = data?.stepKinds.find((step) => step.kind === kind)?.warningHours ?? 0;
  return new Date(Date.parse(dueAt) - hours * 3_600_000).toISOString();
}

/** `[code, text]` of a case type's statuses, or of every type's (each once) without one. */
export function caseStatusChoices(caseType) {
  const types = loaded().caseTypes.filter((type) => !caseType || type.code === caseType);
  const seen = new Map();
  for (const type of types)
    for (const status of type.statuses ?? []) if (!seen.has(status.code)) seen.set(status.code, status.text);
  return [...seen].map(([code, text]) => [code, text.charAt(0).toUpperCase() + text.slice(1)]);
}

/** `[code, name]` of every unit of the organisations given (all without). */
export const unitChoices = (organisations) =>
  loaded()
    .units.filter((unit) => !organisations || organisations.includes(unit.organisation))
    .map((unit) => [unit.code, unit.name]);
