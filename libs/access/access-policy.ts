import type { CaseType } from '../domain/case/case-transition';
import type { OrganisationUnit } from '../domain/organisations/organisation-units';
import type { AuthenticatedUser } from './authenticated-user';
import { ROLE_PERMISSIONS, type Permission } from '../domain/organisations/permissions';
import type { Role } from '../domain/organisations/roles';
import { ROLE_FUNCTION } from '../domain/organisations/unit-functions';

/*
 * Who may see and do what: the one place that decides it. Endpoints declare a Permission (the roles'
 * permissions are domain data, libs/domain/organisations/permissions.ts); every read-model query about
 * cases includes {@link visibleCaseCondition}, so a case outside the user's scope is never fetched at all
 * (and answers 404, not 403).
 */

/** The case types a role works with; access rows decide which cases of those types. */
const ROLE_CASE_TYPES: Record<Role, readonly CaseType[]> = {
  // Network councils: only those whose action plan gives the unit an initiative (a read access row).
  kf_caseworker: ['exit_course', 'network_council'],
  // Sees an exit course only once it is handed over to (or notified to) the district: an access row.
  police_exit_officer: ['exit_course', 'network_council', 'concern_letter'],
  municipality_caseworker: ['exit_course', 'network_council', 'concern_letter'],
  // DKS works with youth cases (DKS assessments), none of which are exit courses.
  dks_officer: ['dks_assessment', 'network_council', 'concern_letter'],
  supervisor: ['exit_course', 'dks_assessment', 'network_council', 'concern_letter'],
  national_supervisor: ['exit_course', 'dks_assessment', 'network_council', 'concern_letter'],
  administrator: [],
  operations: [],
  // The municipality's social services see a DKS case only through the home-visit view (home-visit:read).
  social_services_caseworker: [],
  // Concern letters only: the district's candidates (a municipal member those its municipality proposed).
  police_intelligence_analyst: ['concern_letter'],
  concern_committee_member: ['concern_letter'],
  // Reads what it sent (the inbox of sent documentation), never a case.
  police_investigator: [],
  // Reads cases only through the data-protection routes (retention, access requests), never the case routes.
  data_protection_officer: ['access_request'],
};

/** A role's permissions: the web page shows only what the user may use. */
export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(user: AuthenticatedUser, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role].includes(permission);
}

/** Whether the user acts for this unit (e.g. may start a course at this institution). */
export function actsForUnit(user: AuthenticatedUser, unit: Pick<OrganisationUnit, 'code' | 'organisation'>): boolean {
  if (user.role === 'national_supervisor') return unit.organisation === user.organisation;
  return user.units.includes(unit.code);
}

/** Collects positional SQL parameters (`$1`, `$2`, …) while a query is assembled. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * SQL condition true exactly for the cases (alias `caseAlias` of table `cases`) the user may read, or —
 * with `write` — change. Access rows (`case_access`) say which units hold a case: the responsible
 * institution, later the receiving one after a transfer, the police district after a handover.
 */
export function visibleCaseCondition(
  user: AuthenticatedUser,
  caseAlias: string,
  params: SqlParameters,
  access: 'read' | 'write' = 'read',
  /** `reported`: erased cases too, as anonymous facts (the reports' figures for earlier periods do not change). */
  erased: 'hidden' | 'reported' = 'hidden',
): string {
  const caseTypes = ROLE_CASE_TYPES[user.role];
  if (caseTypes.length === 0 || !hasPermission(user, 'case:read')) return 'FALSE';
  const holder =
    user.role === 'national_supervisor'
      ? `a.organisation = ${params.add(user.organisation)}`
      : `a.org_unit = ANY(${params.add(user.units)}::text[])`;
  const level = access === 'write' ? ` AND a.access = 'write'` : '';
  return (
    `(${caseAlias}.case_type = ANY(${params.add(caseTypes)}::text[]) AND ` +
    (erased === 'hidden' ? `${caseAlias}.erased_at IS NULL AND ` : '') +
    `EXISTS ` +
    `(SELECT 1 FROM case_access a WHERE a.case_id = ${caseAlias}.id AND ${holder}${level}))`
  );
}

/**
 * SQL condition true for the persons (alias `personAlias` of table `persons`) the user may see: those the
 * user's function registered in one of the user's units (`person_units`; a supervisor: any function of its
 * units), and those with a case the user may see. The exit unit does not see whom DKS of the same district
 * registered (docs/need-to-know.md).
 */
export function visiblePersonCondition(user: AuthenticatedUser, personAlias: string, params: SqlParameters): string {
  if (!hasPermission(user, 'person:read')) return 'FALSE';
  const viaCase = `EXISTS (SELECT 1 FROM cases pc WHERE pc.person_ref = ${personAlias}.id::text AND ${visibleCaseCondition(user, 'pc', params)})`;
  if (user.role === 'national_supervisor') return viaCase;
  const unitFunction = ROLE_FUNCTION[user.role];
  if (user.role !== 'supervisor' && !unitFunction) return viaCase;
  const sameFunction = user.role === 'supervisor' ? '' : ` AND pu.function = ${params.add(unitFunction)}`;
  const viaUnit = `EXISTS (SELECT 1 FROM person_units pu WHERE pu.person_id = ${personAlias}.id AND pu.org_unit = ANY(${params.add(user.units)}::text[])${sameFunction})`;
  return `(${viaUnit} OR ${viaCase})`;
}

/**
 * SQL condition for the cases (alias `caseAlias`) whose aggregates the user may read (`reports:read`): those
 * the user's units hold (`case_access`), a national supervisor's those its organisation holds — of any case
 * type, since a report names the types it counts and shows no case.
 */
export function reportScopeCondition(user: AuthenticatedUser, caseAlias: string, params: SqlParameters): string {
  if (!hasPermission(user, 'reports:read')) return 'FALSE';
  const holder =
    user.role === 'national_supervisor'
      ? `a.organisation = ${params.add(user.organisation)}`
      : `a.org_unit = ANY(${params.add(user.units)}::text[])`;
  return `EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = ${caseAlias}.id AND ${holder})`;
}

/**
 * SQL condition for the cases (alias `caseAlias`) a data-protection officer answers for: those its
 * organisation holds, or — for an officer with units (a municipality's) — those its units hold. Of any case
 * type: retention and a person's right of access cover every case the controller holds. An erased case is no
 * longer there for anyone (only the reports count its anonymous facts).
 */
export function dataProtectionScopeCondition(
  user: AuthenticatedUser,
  caseAlias: string,
  params: SqlParameters,
): string {
  if (user.role !== 'data_protection_officer') return 'FALSE';
  const holder = user.units.length
    ? `a.org_unit = ANY(${params.add(user.units)}::text[])`
    : `a.organisation = ${params.add(user.organisation)}`;
  return (
    `(${caseAlias}.erased_at IS NULL AND ` +
    `EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = ${caseAlias}.id AND ${holder} AND a.access = 'write'))`
  );
}

/**
 * SQL condition for the cases (alias `caseAlias`) whose access log the user may read (`access-log:read`):
 * a supervisor's those it may see, a data-protection officer's those it answers for.
 */
export function accessLogCaseCondition(user: AuthenticatedUser, caseAlias: string, params: SqlParameters): string {
  if (!hasPermission(user, 'access-log:read')) return 'FALSE';
  return overseenCaseCondition(user, caseAlias, params);
}

/**
 * SQL condition for the cases (alias `caseAlias`) the user oversees, whose access log and legal hold are theirs: a
 * data-protection officer's in its data-protection scope, anyone else's those they may read. Never an erased case.
 */
export function overseenCaseCondition(user: AuthenticatedUser, caseAlias: string, params: SqlParameters): string {
  return user.role === 'data_protection_officer'
    ? dataProtectionScopeCondition(user, caseAlias, params)
    : visibleCaseCondition(user, caseAlias, params);
}

/**
 * SQL condition for the persons (alias `personAlias`) whose access log the user may read: a supervisor's
 * those it may see; a data-protection officer's those with a case it answers for, or registered by its
 * units (by its organisation's units, for an officer without units).
 */
export function accessLogPersonCondition(user: AuthenticatedUser, personAlias: string, params: SqlParameters): string {
  if (!hasPermission(user, 'access-log:read')) return 'FALSE';
  if (user.role !== 'data_protection_officer') return visiblePersonCondition(user, personAlias, params);
  const viaCase = `EXISTS (SELECT 1 FROM cases pc WHERE pc.person_ref = ${personAlias}.id::text AND ${dataProtectionScopeCondition(user, 'pc', params)})`;
  const unit = user.units.length
    ? `pu.org_unit = ANY(${params.add(user.units)}::text[])`
    : `EXISTS (SELECT 1 FROM organisation_units ou WHERE ou.code = pu.org_unit AND ou.organisation = ${params.add(user.organisation)})`;
  return `(EXISTS (SELECT 1 FROM person_units pu WHERE pu.person_id = ${personAlias}.id AND ${unit}) OR ${viaCase})`;
}
