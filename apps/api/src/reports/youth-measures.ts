import type { CaseAction } from '../../../../libs/domain/case/case-transition';
import { DANISH_TIME_ZONE } from '../../../../libs/domain/time/copenhagen-calendar';
import { DELIVERY_RESULTS } from '../../../../libs/domain/youth/youth-vocabulary';

/**
 * The youth figures (docs/figures.md, "The youth figures"), each counted from the audit trail as
 * youth-vocabulary.ts documents its actions and details, or from the legal deadlines' steps. A measure
 * over events counts distinct `key`s of the period's events (alias `e`, with the case's `person_ref`)
 * for which `condition` holds; a measure over steps counts the steps of `kind` due in the period.
 */
export interface EventMeasure {
  label: string;
  action: CaseAction | readonly CaseAction[];
  /** SQL over `e` (the event) besides its action; absent: every event of the action. */
  condition?: string;
  /** What one counted thing is: the case (default), the person, or the initiative. */
  key?: 'case' | 'person' | 'initiative';
}

export interface StepMeasure {
  label: string;
  stepKind: string;
  caseType: string;
  /** Completed within the deadline, completed after it, or still open with the deadline passed. */
  state: 'in_time' | 'late' | 'open_past_due';
}

const detail = (name: string, value: string) => `e.details ->> '${name}' = '${value}'`;

/** No earlier event of the same action on the case (for the same initiative) with `condition`: the first. */
const first = (condition: string, sameInitiative = false) =>
  `NOT EXISTS (SELECT 1 FROM case_events earlier WHERE earlier.case_id = e.case_id AND earlier.action = e.action
      AND earlier.transition_seq < e.transition_seq AND ${condition.replace(/\be\./g, 'earlier.')}${
        sameInitiative ? ` AND earlier.details ->> 'initiativeId' = e.details ->> 'initiativeId'` : ''
      })`;

/**
 * Followed up on or before the initiative's due date (a Danish calendar day), compared as `YYYY-MM-DD` text so
 * that a detail no date can be read from counts as not in time rather than failing the report. The due date is
 * the initiative's as it stands (`council_initiatives`: one that follows the youth's release moves with it), else
 * the one agreed.
 */
const BY_DUE_DATE = `EXISTS (SELECT 1 FROM case_events agreed
      CROSS JOIN LATERAL (SELECT COALESCE((SELECT to_char(ci.due_date, 'YYYY-MM-DD') FROM council_initiatives ci
        WHERE ci.case_id = agreed.case_id AND ci.id::text = agreed.details ->> 'initiativeId'),
        agreed.details ->> 'dueDate') AS due_date) due
      WHERE agreed.case_id = e.case_id
      AND agreed.action = 'council_initiative_agreed' AND agreed.details ->> 'initiativeId' = e.details ->> 'initiativeId'
      AND due.due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
      AND to_char(e.occurred_at AT TIME ZONE '${DANISH_TIME_ZONE}', 'YYYY-MM-DD') <= due.due_date)`;

/** Any attempt that reached the youth with the letter (with or without dialogue). */
const DELIVERED = `e.details ->> 'result' IN (${DELIVERY_RESULTS.filter((result) => result.startsWith('delivered_'))
  .map((result) => `'${result}'`)
  .join(', ')})`;

export const YOUTH_EVENT_MEASURES = {
  youthsRegistered: {
    label: 'Unge registreret',
    action: ['dks_case_registered', 'network_council_registered'],
    key: 'person',
  },
  dksCasesRegistered: { label: 'DKS-sager registreret', action: 'dks_case_registered' },
  concernConversationsDecided: {
    label: 'Bekymringssamtaler besluttet',
    action: 'dks_assessed',
    condition: detail('concernConversation', 'true'),
  },
  concernConversationsHeld: { label: 'Bekymringssamtaler holdt (hjemmebesøg)', action: 'home_visit_held' },
  homeVisitsWithSocialServices: {
    label: 'Hjemmebesøg med socialforvaltningen',
    action: 'home_visit_held',
    condition: `EXISTS (SELECT 1 FROM case_events social WHERE social.case_id = e.case_id
      AND social.action = 'social_services_participation_recorded' AND social.details ->> 'participates' = 'true')`,
  },
  concernConversationsDeclined: {
    label: 'Bekymringssamtaler afslået af familien',
    action: 'dks_case_ended',
    condition: detail('outcome', 'declined'),
  },
  concernConversationsNotReached: {
    label: 'Familien kunne ikke træffes',
    action: 'dks_case_ended',
    condition: detail('outcome', 'not_reached'),
  },
  dksCasesEndedExistingActionPlan: {
    label: 'DKS-sager afsluttet: eksisterende handleplan fortsætter',
    action: 'dks_case_ended',
    condition: detail('outcome', 'existing_action_plan'),
  },
  dksCasesEndedNoConcernConversation: {
    label: 'DKS-sager afsluttet uden bekymringssamtale',
    action: 'dks_assessed',
    condition: detail('concernConversation', 'false'),
  },
  dksCasesMoved: { label: 'DKS-sager flyttet til en anden kreds', action: 'dks_case_moved' },
  councilsRegistered: { label: 'Netværkssamråd registreret', action: 'network_council_registered' },
  councilsRegisteredViaSystem: {
    label: 'Netværkssamråd: dokumentation sendt i systemet',
    action: 'network_council_registered',
    condition: detail('documentationVia', 'system'),
  },
  councilsRegisteredOutsideSystem: {
    label: 'Netværkssamråd: dokumentation registreret uden for systemet',
    action: 'network_council_registered',
    condition: `COALESCE(e.details ->> 'documentationVia', 'outside_system') = 'outside_system'`,
  },
  councilInitiativesAgreed: {
    label: 'Indsatser aftalt i netværkssamråd',
    action: 'council_initiative_agreed',
    key: 'initiative',
  },
  councilInitiativesFollowedUp: {
    label: 'Indsatser fulgt op',
    action: 'council_initiative_followed_up',
    condition: first('TRUE', true),
    key: 'initiative',
  },
  councilInitiativesFollowedUpInTime: {
    label: 'Indsatser fulgt op senest på forfaldsdagen',
    action: 'council_initiative_followed_up',
    condition: `${first('TRUE', true)} AND ${BY_DUE_DATE}`,
    key: 'initiative',
  },
  adultHandovers: {
    label: 'Overdraget til 18+-indsatsen (SSP+)',
    action: 'adult_handover_decided',
    condition: detail('handedOver', 'true'),
  },
  concernLettersScreened: { label: 'Bekymringsbreve: kandidater indstillet', action: 'concern_letter_proposed' },
  concernLettersDecidedSend: {
    label: 'Bekymringsbreve: besluttet at sende',
    action: 'concern_letter_decided',
    condition: detail('decision', 'send'),
  },
  concernLettersDecidedNotSend: {
    label: 'Bekymringsbreve: besluttet ikke at sende',
    action: 'concern_letter_decided',
    condition: detail('decision', 'not_send'),
  },
  concernLettersDelivered: {
    label: 'Bekymringsbreve afleveret',
    action: 'concern_letter_delivery_attempted',
    condition: `${DELIVERED} AND ${first(DELIVERED)}`,
  },
  concernLettersWithDialogue: {
    label: 'Bekymringsbreve afleveret med dialog',
    action: 'concern_letter_delivery_attempted',
    condition: `${detail('result', 'delivered_dialogue')} AND ${first(detail('result', 'delivered_dialogue'))}`,
  },
  concernLettersLeadingToExitCourse: {
    label: 'Bekymringsbreve, der førte til et exit-forløb',
    action: 'concern_letter_outcome_recorded',
    condition: detail('outcome', 'exit_course'),
  },
} satisfies Record<string, EventMeasure>;

export const YOUTH_STEP_MEASURES = {
  followUpsInTime: {
    label: 'Opfølgningstjek inden for fristen',
    stepKind: 'follow_up_check',
    caseType: 'dks_assessment',
    state: 'in_time',
  },
  followUpsLate: {
    label: 'Opfølgningstjek efter fristen',
    stepKind: 'follow_up_check',
    caseType: 'dks_assessment',
    state: 'late',
  },
  followUpsOpenPastDue: {
    label: 'Opfølgningstjek åbne med overskredet frist',
    stepKind: 'follow_up_check',
    caseType: 'dks_assessment',
    state: 'open_past_due',
  },
  councilsConvenedInTime: {
    label: 'Netværkssamråd indkaldt inden for fristen',
    stepKind: 'network_council_convening',
    caseType: 'network_council',
    state: 'in_time',
  },
  councilsConvenedLate: {
    label: 'Netværkssamråd indkaldt efter fristen',
    stepKind: 'network_council_convening',
    caseType: 'network_council',
    state: 'late',
  },
} satisfies Record<string, StepMeasure>;

/** Cases per level: each case once per row, at the latest level set (`case_level_set`) within it. */
export const YOUTH_LEVEL_MEASURES = {
  casesAtLevel1: { label: 'Sager på niveau 1', level: '1' },
  casesAtLevel2: { label: 'Sager på niveau 2', level: '2' },
  casesAtLevel3: { label: 'Sager på niveau 3', level: '3' },
} as const;

export type YouthMeasure =
  keyof typeof YOUTH_EVENT_MEASURES | keyof typeof YOUTH_STEP_MEASURES | keyof typeof YOUTH_LEVEL_MEASURES;

/** Every measure in the order the report, the CSV and the page show them. */
export const YOUTH_MEASURES: readonly YouthMeasure[] = [
  'youthsRegistered',
  'dksCasesRegistered',
  'concernConversationsDecided',
  'concernConversationsHeld',
  'concernConversationsDeclined',
  'concernConversationsNotReached',
  'dksCasesEndedExistingActionPlan',
  'dksCasesEndedNoConcernConversation',
  'dksCasesMoved',
  'homeVisitsWithSocialServices',
  'followUpsInTime',
  'followUpsLate',
  'followUpsOpenPastDue',
  'casesAtLevel1',
  'casesAtLevel2',
  'casesAtLevel3',
  'councilsRegistered',
  'councilsRegisteredViaSystem',
  'councilsRegisteredOutsideSystem',
  'councilsConvenedInTime',
  'councilsConvenedLate',
  'councilInitiativesAgreed',
  'councilInitiativesFollowedUp',
  'councilInitiativesFollowedUpInTime',
  'adultHandovers',
  'concernLettersScreened',
  'concernLettersDecidedSend',
  'concernLettersDecidedNotSend',
  'concernLettersDelivered',
  'concernLettersWithDialogue',
  'concernLettersLeadingToExitCourse',
];

export function youthMeasureLabel(measure: YouthMeasure): string {
  return (
    (YOUTH_EVENT_MEASURES as Record<string, EventMeasure>)[measure] ??
    (YOUTH_STEP_MEASURES as Record<string, StepMeasure>)[measure] ??
    YOUTH_LEVEL_MEASURES[measure as keyof typeof YOUTH_LEVEL_MEASURES]
  ).label;
}
