import type { EntityManager } from 'typeorm';
import type { CaseTransition } from '../libs/domain/case/case-transition';

/**
 * A DKS case's joint home visit, in the read model: a plan (re)sets its time and municipality — another
 * municipality named drops the participation the former recorded —, the social services' record sets theirs.
 */
export async function applyDksHomeVisit(
  db: EntityManager,
  caseId: string,
  record: NonNullable<CaseTransition['dksHomeVisit']>,
): Promise<void> {
  if (record.plannedFor) {
    await db.query(
      `INSERT INTO dks_home_visits (case_id, planned_for, municipality_code) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET planned_for = EXCLUDED.planned_for, municipality_code = EXCLUDED.municipality_code,
         participates = CASE WHEN dks_home_visits.municipality_code IS NOT DISTINCT FROM EXCLUDED.municipality_code
                             THEN dks_home_visits.participates END,
         level_one_case_ref_encrypted = CASE WHEN dks_home_visits.municipality_code IS NOT DISTINCT FROM EXCLUDED.municipality_code
                             THEN dks_home_visits.level_one_case_ref_encrypted END,
         participation_recorded_at = CASE WHEN dks_home_visits.municipality_code IS NOT DISTINCT FROM EXCLUDED.municipality_code
                             THEN dks_home_visits.participation_recorded_at END,
         participation_actor_id = CASE WHEN dks_home_visits.municipality_code IS NOT DISTINCT FROM EXCLUDED.municipality_code
                             THEN dks_home_visits.participation_actor_id END,
         updated_at = now()`,
      [caseId, record.plannedFor, record.municipalityCode ?? null],
    );
  }
  const participation = record.participation;
  if (participation) {
    await db.query(
      `UPDATE dks_home_visits SET participates = $2, level_one_case_ref_encrypted = $3, participation_recorded_at = $4,
              participation_actor_id = $5, updated_at = now()
       WHERE case_id = $1`,
      [
        caseId,
        participation.participates,
        participation.levelOneCaseRefEncrypted,
        participation.recordedAt,
        participation.actorId,
      ],
    );
  }
}
