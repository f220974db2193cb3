import type { SqlParameters } from '../../../../libs/access/access-policy';
import { CASE_LEVEL_LABELS, type CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import { IntegerView, TextView } from '../common/view-properties';

/** A youth case's level (1–3), or null until it is set. */
export const CaseLevelView = () =>
  IntegerView({ nullable: true, description: 'Sagens niveau (enkeltsagskoncept): 1, 2 eller 3; null: ikke sat.' });
export const CaseLevelTextView = () => TextView({ nullable: true, description: 'Niveauet på dansk.' });

/** The level as every youth case's summary and the case list show it. */
export function caseLevelFields(level: number | null): { caseLevel: CaseLevel | null; caseLevelText: string | null } {
  if (level === null) return { caseLevel: null, caseLevelText: null };
  return { caseLevel: level as CaseLevel, caseLevelText: CASE_LEVEL_LABELS[`${level as CaseLevel}`] };
}

/** `?level=`: the youth cases on a level; `none`: the youth cases without one (other case types never match). */
export function caseLevelFilterSql(level: '1' | '2' | '3' | 'none', params: SqlParameters): string {
  if (level === 'none') return `c.case_level IS NULL AND c.case_type IN ('dks_assessment', 'network_council')`;
  return `c.case_level = ${params.add(Number(level))}`;
}
