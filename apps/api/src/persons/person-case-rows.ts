/** A person's case as the person view and the access export list it: type, status, unit (with its name), dates. */
export interface PersonCaseRow {
  id: string;
  case_type: string;
  status: string;
  org_unit: string;
  unit_name: string;
  opened_at: Date;
  closed_at: Date | null;
}

/** The SELECT and FROM of {@link PersonCaseRow} over `cases c`; the caller adds its WHERE (scope) and ORDER BY. */
export const PERSON_CASE_ROWS = `SELECT c.id, c.case_type, c.status, c.org_unit, COALESCE(ou.name, c.org_unit) AS unit_name, c.opened_at, c.closed_at
  FROM cases c LEFT JOIN organisation_units ou ON ou.code = c.org_unit`;
