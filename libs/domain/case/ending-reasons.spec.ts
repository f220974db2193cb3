import { CASE_TYPE_STATUSES } from './case-type-statuses';
import { CASE_TYPES } from './case-transition';
import {
  ENDING_NAMES,
  ENDINGS,
  FINAL_STATUSES_WITHOUT_REASON,
  OTHER_REASON,
  endingOfAction,
  endingReasonLabel,
  refuseEndingReason,
} from './ending-reasons';
import { EXIT_COURSE_DECISIONS } from '../exit-course/exit-course.decisions';
import { DKS_CASE_DECISIONS } from '../youth/dks-case.decisions';
import { NETWORK_COUNCIL_DECISIONS } from '../youth/network-council.decisions';

const DECISIONS: Record<string, Record<string, unknown>> = {
  exit_course: EXIT_COURSE_DECISIONS,
  dks_assessment: DKS_CASE_DECISIONS,
  network_council: NETWORK_COUNCIL_DECISIONS,
};

describe('the reason codes of every ending', () => {
  it('cover every final status of every case type, or say why it needs none', () => {
    const problems = CASE_TYPES.flatMap((caseType) =>
      CASE_TYPE_STATUSES[caseType].finals.flatMap((status) => {
        const endings = ENDING_NAMES.filter(
          (ending) => ENDINGS[ending].caseType === caseType && ENDINGS[ending].statuses.includes(status),
        );
        const exempt = Object.hasOwn(FINAL_STATUSES_WITHOUT_REASON[caseType], status);
        if (endings.length === 0 && !exempt) return [`${caseType}.${status}: no ending lists its reasons`];
        if (endings.length > 0 && exempt) return [`${caseType}.${status}: has reasons and is exempt from them`];
        return endings.length > 1 ? [`${caseType}.${status}: in ${endings.join(', ')}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('exempt only final statuses that exist', () => {
    for (const caseType of CASE_TYPES) {
      for (const status of Object.keys(FINAL_STATUSES_WITHOUT_REASON[caseType])) {
        expect(CASE_TYPE_STATUSES[caseType].finals).toContain(status);
      }
    }
  });

  it.each(ENDING_NAMES)('%s: is taken by a decision of its case type, its statuses final and its own', (ending) => {
    const { caseType, decision, statuses, action } = ENDINGS[ending];
    expect(Object.keys(DECISIONS[caseType])).toContain(decision);
    for (const status of statuses) expect(CASE_TYPE_STATUSES[caseType].finals).toContain(status);
    // The figures group the events by their action: one action, one ending.
    expect(endingOfAction(action)).toBe(ending);
  });

  it.each(ENDING_NAMES)('%s: has `other` and a Danish label for every code', (ending) => {
    const { reasons, label } = ENDINGS[ending];
    expect(reasons[OTHER_REASON]).toBe('andet');
    expect(Object.keys(reasons).length).toBeGreaterThanOrEqual(3);
    expect(label).toMatch(/^[A-ZÆØÅ]/);
    for (const [code, name] of Object.entries(reasons)) {
      expect(code).toMatch(/^[a-z][a-z_]*$/);
      // Danish, as inside a sentence: not the code, not blank, starting in lower case.
      expect(name.trim()).not.toBe('');
      expect(name).not.toBe(code);
      expect(name).toMatch(/^[a-zæøå]/);
      expect(endingReasonLabel(ending, code)).toBe(name);
    }
    expect(new Set(Object.values(reasons)).size).toBe(Object.keys(reasons).length);
  });
});

describe('refuseEndingReason', () => {
  const missing = 'En afbrydelse skal have en begrundelse.';

  it('accepts a code of the list without a note', () => {
    expect(refuseEndingReason('interruption', { reasonCode: 'new_crime' }, missing)).toBeUndefined();
    expect(refuseEndingReason('interruption', { reasonCode: 'new_crime', reason: 'Sigtet igen.' }, missing)).toBe(
      undefined,
    );
  });

  it('needs a note for `other`, with the message for the code', () => {
    expect(refuseEndingReason('interruption', { reasonCode: 'other', reason: '  ' }, missing)).toEqual({
      kind: 'invalid-data',
      message: 'Når årsagen er »andet«, skal begrundelsen udfyldes.',
    });
    expect(refuseEndingReason('interruption', { reasonCode: 'other', reason: 'Flytter.' }, missing)).toBeUndefined();
  });

  it('takes only a free-text reason as `other` (as before codes), with the decision’s own message when it is missing', () => {
    expect(refuseEndingReason('interruption', { reason: 'Ønsker ikke at fortsætte.' }, missing)).toBeUndefined();
    expect(refuseEndingReason('interruption', { reason: '' }, missing)).toEqual({
      kind: 'invalid-data',
      message: missing,
    });
  });

  it('refuses a code of another ending, naming the ending’s own codes in Danish', () => {
    const refusal = refuseEndingReason('handover_decline', { reasonCode: 'completed' }, missing);
    expect(refusal?.kind).toBe('invalid-data');
    expect(refusal?.message).toBe(
      'Årsagen skal være »personen hører til en anden politikreds«, »overdragelsen mangler oplysninger«, ' +
        '»ikke egnet til et forløb hos politiets exitenhed«, »allerede i et andet exitforløb« eller »andet«.',
    );
    expect(refuseEndingReason('handover_decline', { reasonCode: 'toString' }, missing)?.kind).toBe('invalid-data');
  });
});
