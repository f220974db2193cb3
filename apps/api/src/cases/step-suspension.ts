import { waitText } from '../../../../libs/domain/case/step-deadline';

/** A step's suspension columns in the read model (`steps`), as the case detail and the boards select them. */
export interface SuspensionColumns {
  suspended_at: Date | null;
  suspension_reason: string | null;
  suspension_expected_until: Date | null;
}

/** A suspended deadline as the API shows it ("afventer …"), or `null` for a deadline that runs. */
export function suspensionOf(
  row: SuspensionColumns,
): { since: string; reason: string; reasonText: string; expectedUntil: string | null } | null {
  if (!row.suspended_at || !row.suspension_reason) return null;
  return {
    since: row.suspended_at.toISOString(),
    reason: row.suspension_reason,
    reasonText: waitText(row.suspension_reason),
    expectedUntil: row.suspension_expected_until?.toISOString() ?? null,
  };
}
