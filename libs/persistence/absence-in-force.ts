/** SQL: the Danish calendar date today, which absences count by (both days of an absence included). */
export const TODAY_SQL = `(now() AT TIME ZONE 'Europe/Copenhagen')::date`;

/** SQL condition: the absence row `alias` is in force today (not cancelled, today within its days). */
export function absenceInForceSql(alias: string): string {
  return `${alias}.cancelled_at IS NULL AND ${TODAY_SQL} BETWEEN ${alias}.starts_on AND ${alias}.ends_on`;
}
