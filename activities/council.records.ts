import type { EntityManager } from 'typeorm';
import type { CouncilRecord } from '../libs/domain/youth/council-record';

/** A network council's police documentation, meeting plan, release and action plan, in the read model. */
export async function applyCouncilRecord(db: EntityManager, caseId: string, record: CouncilRecord): Promise<void> {
  const { policeDocumentation: documentation } = record;
  if (documentation) {
    await db.query(
      `INSERT INTO police_documentation (case_id, sender_unit, sender_function, suspicion, offence_encrypted, sent_at, sender_actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id) DO NOTHING`,
      [
        caseId,
        documentation.senderUnit,
        documentation.senderFunction,
        documentation.suspicion,
        documentation.offenceEncrypted,
        documentation.sentAt,
        documentation.senderActorId,
      ],
    );
  }
  if (record.plannedFor || record.expectedReleaseDate || record.releasedAt) {
    await db.query(
      `INSERT INTO council_facts (case_id, planned_for, expected_release_date, released_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET planned_for = COALESCE(EXCLUDED.planned_for, council_facts.planned_for),
              expected_release_date = COALESCE(EXCLUDED.expected_release_date, council_facts.expected_release_date),
              released_at = COALESCE(EXCLUDED.released_at, council_facts.released_at)`,
      [caseId, record.plannedFor ?? null, record.expectedReleaseDate ?? null, record.releasedAt ?? null],
    );
  }
  for (const [position, initiative] of (record.initiatives ?? []).entries()) {
    await db.query(
      `INSERT INTO council_initiatives (id, case_id, position, kind, description, owner_organisation, owner_unit, due_date,
              follows_release, step_id, agreed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
      [
        initiative.initiativeId,
        caseId,
        position,
        initiative.kind,
        initiative.description,
        initiative.ownerOrganisation,
        initiative.ownerUnit,
        initiative.dueDate,
        initiative.followsRelease,
        initiative.stepId,
        initiative.agreedAt,
      ],
    );
  }
  for (const due of record.dueDates ?? []) {
    await db.query(`UPDATE council_initiatives SET due_date = $3 WHERE id = $1 AND case_id = $2`, [
      due.initiativeId,
      caseId,
      due.dueDate,
    ]);
  }
  for (const followUp of record.followUps ?? []) {
    await db.query(
      `UPDATE council_initiatives SET outcome = $3, note = $4, followed_up_at = $5 WHERE id = $1 AND case_id = $2`,
      [followUp.initiativeId, caseId, followUp.outcome, followUp.note, followUp.followedUpAt],
    );
  }
}
