import type { SqlParameters } from '../access/access-policy';
import { STEP_KIND_NAMES, STEP_KINDS } from '../domain/case/step-kinds';

const HANDOVER_DISTRICT_KINDS = STEP_KIND_NAMES.filter(
  (kind) => STEP_KINDS[kind].responsibleUnit === 'handover_district',
);
const COURSE_RUNNER_KINDS = STEP_KIND_NAMES.filter((kind) => STEP_KINDS[kind].responsibleUnit === 'course_runner');

/**
 * SQL for the unit whose turn an open step is (see STEP_KINDS): the police district a course was handed
 * over to for the handover decision; the district whose exit unit runs the course in its police phase for
 * the steps of whoever runs it (plan, reviews, contacts, the reoffending check); a step's own unit where it has
 * one (a council initiative's owner); else the unit holding the case. Aliases: a `steps` row, its
 * `cases` row, and its `exit_courses` row (LEFT JOINed: youth cases have none).
 */
export function responsibleUnitSql(step: string, caseRow: string, exitCourse: string, params: SqlParameters): string {
  return `CASE WHEN ${step}.responsible_unit IS NOT NULL THEN ${step}.responsible_unit
               WHEN ${step}.kind = ANY(${params.add(HANDOVER_DISTRICT_KINDS)}::text[]) THEN COALESCE(${exitCourse}.handover_district, ${caseRow}.org_unit)
               WHEN ${step}.kind = ANY(${params.add(COURSE_RUNNER_KINDS)}::text[]) THEN COALESCE(${exitCourse}.police_district, ${caseRow}.org_unit)
               ELSE ${caseRow}.org_unit END`;
}
