import { hasPermission, SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Role } from '../../../../libs/domain/organisations/roles';
import { HIDDEN_FREE_TEXT, PROTECTED_PERSON_NAME } from '../../../../libs/domain/persons/person-protection';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { decryptField } from '../../../../libs/personal-data/field-encryption';
import type { Keyring } from '../../../../libs/personal-data/keyring';
import { cprField, nameField } from './person-fields';

/*
 * The one rule for protected persons (udvidet adressebeskyttelse, docs/protected-persons.md): every place
 * that shows a person's name or CPR number goes through `shownPerson` or `shownName`, which mask a protected
 * person for everyone. The only way to the name is the reveal (`revealedPerson`), for a caseworker of the
 * unit holding the case with write access, with a reason that is logged. Free texts that can hold an
 * address are hidden by `freeTextHidden` from everyone but that unit.
 */

export interface PersonRow {
  id: string;
  name_encrypted: string;
  cpr_encrypted: string;
  protected: boolean;
}

/** The columns of `persons` a shown person is made from (alias `p`). */
export const PERSON_ROW_COLUMNS = 'p.id, p.name_encrypted, p.cpr_encrypted, p.protected';

export interface ShownPerson {
  personRef: string;
  name: string;
  cpr: string;
  birthDate: string;
  protected: boolean;
}

/** The caseworker roles: a supervisor of the responsible unit sees a protected person masked, as all others do. */
const RESPONSIBLE_ROLES: readonly Role[] = [
  'kf_caseworker',
  'police_exit_officer',
  'municipality_caseworker',
  'dks_officer',
];

/** A person as every list, detail and lookup shows them: masked when protected. */
export function shownPerson(row: PersonRow, keyring: Keyring): ShownPerson {
  if (row.protected) return { personRef: row.id, name: PROTECTED_PERSON_NAME, cpr: '', birthDate: '', protected: true };
  return revealedPerson(row, keyring);
}

/** A person's name as a list shows it: masked when protected. */
export function shownName(row: Omit<PersonRow, 'cpr_encrypted'>, keyring: Keyring): string {
  return row.protected ? PROTECTED_PERSON_NAME : decryptField(row.name_encrypted, keyring, nameField(row.id));
}

/** The person unmasked: only for the reveal (after `responsibleCondition` and a logged reason) and unprotected persons. */
export function revealedPerson(row: PersonRow, keyring: Keyring): ShownPerson {
  const cpr = decryptField(row.cpr_encrypted, keyring, cprField(row.id));
  const check = checkCpr(cpr);
  return {
    personRef: row.id,
    name: decryptField(row.name_encrypted, keyring, nameField(row.id)),
    cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
    birthDate: check.ok ? check.birthDate : '',
    protected: row.protected,
  };
}

/**
 * SQL condition true for the cases (alias `caseAlias`) whose protected person the user may reveal: a
 * caseworker whose unit holds the case with write access (`case_access.access = 'write'`).
 */
export function responsibleCondition(user: AuthenticatedUser, caseAlias: string, params: SqlParameters): string {
  if (!RESPONSIBLE_ROLES.includes(user.role)) return 'FALSE';
  return visibleCaseCondition(user, caseAlias, params, 'write');
}

/** SQL condition true for the persons (alias `personAlias`) with a case whose protected person the user may reveal. */
export function revealablePersonCondition(user: AuthenticatedUser, personAlias: string, params: SqlParameters): string {
  return `EXISTS (SELECT 1 FROM cases rc WHERE rc.person_ref = ${personAlias}.id::text AND ${responsibleCondition(user, 'rc', params)})`;
}

type Query = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/**
 * Whether the free texts of a case (journal notes, decision reasons and notes, the handover report's texts)
 * are hidden from the user: the case's person is protected and the user is not a caseworker of the unit
 * holding it with write access.
 */
export async function freeTextHidden(db: Query, user: AuthenticatedUser, caseId: string): Promise<boolean> {
  const params = new SqlParameters();
  const idParam = params.add(caseId);
  const rows = (await db.query(
    `SELECT NOT ${responsibleCondition(user, 'c', params)} AS hidden
       FROM cases c JOIN persons p ON p.id::text = c.person_ref
      WHERE c.id::text = ${idParam} AND p.protected`,
    params.values,
  )) as { hidden: boolean }[];
  return rows[0]?.hidden ?? false;
}

/** What the user may do about the protection of a case's person: reveal them (with a reason), set or lift it. */
export async function protectionRightsOf(
  db: Query,
  user: AuthenticatedUser,
  caseId: string,
): Promise<{ revealable: boolean; protectable: boolean }> {
  const params = new SqlParameters();
  const idParam = params.add(caseId);
  const protectable = hasPermission(user, 'person:protect')
    ? visibleCaseCondition(user, 'c', params, 'write')
    : 'FALSE';
  const rows = (await db.query(
    `SELECT ${responsibleCondition(user, 'c', params)} AS revealable, ${protectable} AS protectable
       FROM cases c WHERE c.id::text = ${idParam}`,
    params.values,
  )) as { revealable: boolean; protectable: boolean }[];
  return rows[0] ?? { revealable: false, protectable: false };
}

/**
 * The fields of a case's views that hold free text that can hold an address (docs/protected-persons.md):
 * journal notes (`text`), notes on decisions, steps and checklist items (`note`), the handover report's
 * plan, risk assessment and parole conditions, the parties' views, the police plan's summaries.
 */
const FREE_TEXT_FIELDS = new Set(['text', 'note', 'plan', 'riskAssessment', 'paroleConditions', 'view', 'summary']);

/**
 * A case's view with every free text hidden: the fields above, and a history entry's `reason` (the free
 * text beside its `reasonCode`). Codes, dates and ids stay as they are.
 */
export function withFreeTextsHidden<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withFreeTextsHidden(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const hidden: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const freeText = FREE_TEXT_FIELDS.has(key) || (key === 'reason' && 'reasonCode' in (value as object));
    hidden[key] = freeText && typeof field === 'string' ? HIDDEN_FREE_TEXT : withFreeTextsHidden(field);
  }
  return hidden as T;
}

/** A case's view (detail, history, journal, handover report) as the user may see its free texts. */
export async function withCaseFreeTexts<T>(db: Query, user: AuthenticatedUser, caseId: string, value: T): Promise<T> {
  return (await freeTextHidden(db, user, caseId)) ? withFreeTextsHidden(value) : value;
}
