import type { EntityManager } from 'typeorm';
import type { HandoverPreparationRecord } from '../libs/domain/case/case-transition';

/** The handover prepared before release, in the read model: the report, the views, the early decision. */
export async function applyHandoverPreparation(
  db: EntityManager,
  caseId: string,
  record: HandoverPreparationRecord,
): Promise<void> {
  const { report, view, decisionBeforeRelease } = record;
  if (report) {
    await db.query(
      `INSERT INTO handover_reports (case_id, submitted_at, author_id, plan_encrypted, plan_status, readiness_owners,
              mentor_ref, mentor_minutes, mentor_contacts, psychologist_course, risk_encrypted,
              extended_address_protection, parole_conditions_encrypted, contact_name, contact_phone)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (case_id) DO UPDATE SET submitted_at = EXCLUDED.submitted_at, author_id = EXCLUDED.author_id,
              plan_encrypted = EXCLUDED.plan_encrypted, plan_status = EXCLUDED.plan_status,
              readiness_owners = EXCLUDED.readiness_owners, mentor_ref = EXCLUDED.mentor_ref,
              mentor_minutes = EXCLUDED.mentor_minutes, mentor_contacts = EXCLUDED.mentor_contacts,
              psychologist_course = EXCLUDED.psychologist_course, risk_encrypted = EXCLUDED.risk_encrypted,
              extended_address_protection = EXCLUDED.extended_address_protection,
              parole_conditions_encrypted = EXCLUDED.parole_conditions_encrypted,
              contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone`,
      [
        caseId,
        report.submittedAt,
        report.actorId,
        report.planEncrypted,
        report.planStatus,
        JSON.stringify(report.readinessOwners),
        report.mentorRef,
        report.mentorMinutes,
        report.mentorContacts,
        report.psychologistCourse,
        report.riskEncrypted,
        report.extendedAddressProtection,
        report.paroleConditionsEncrypted,
        report.contactName,
        report.contactPhone,
      ],
    );
  }
  if (view) {
    await db.query(
      `INSERT INTO handover_views (id, case_id, party, recommendation, view_encrypted, recorded_at, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [view.viewId, caseId, view.party, view.recommendation, view.viewEncrypted, view.recordedAt, view.actorId],
    );
  }
  if (decisionBeforeRelease !== undefined) {
    const decided = decisionBeforeRelease;
    await db.query(
      `UPDATE exit_courses SET early_handover_district = $2, early_handover_decision = $3,
              early_handover_continuation = $4, early_handover_decided_at = $5
        WHERE case_id = $1`,
      [
        caseId,
        decided?.policeDistrictCode ?? null,
        decided?.decision ?? null,
        decided?.continuation ?? null,
        decided?.decidedAt ?? null,
      ],
    );
  }
}
