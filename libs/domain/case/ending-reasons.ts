import type { Refusal } from './refusal';
import type { CaseAction, CaseType } from './case-transition';

/**
 * Why a case or a course ended, or a handover was declined: for every such decision a closed list of
 * reason codes, each with its Danish name, and a free-text note beside it (`reason`), required when the
 * code is `other` (*andet*). The figures count the decisions per code (`GET /api/reports/ending-reasons`),
 * so they can say *why* (DOMAIN.md §1: how many dropped out, and why).
 *
 * One table for every case type: the workflow records the code in the decision's case event
 * (`case_events.reason_code`), the API validates it, the page offers it (`GET /api/reference-data`,
 * `choices.endingReasons`). Names read as they do inside a sentence; the page starts them with a capital.
 */

/** The code that needs a note; a client that sends only the free-text reason (as before) gets it. */
export const OTHER_REASON = 'other';

export interface EndingDefinition {
  readonly caseType: CaseType;
  /** The ending in Danish, as the figures head it. */
  readonly label: string;
  /** The decision (its table's name) that takes it. */
  readonly decision: string;
  /** The case event that records it, with the code (one action per ending: the figures group by it). */
  readonly action: CaseAction;
  /** The final statuses it ends the case in (none for a declined handover: the case goes on). */
  readonly statuses: readonly string[];
  /** Every reason code with its Danish name; `other` is always one of them. */
  readonly reasons: Readonly<Record<string, string>>;
}

const ENDING_TABLE = {
  suitability_rejection: {
    caseType: 'exit_course',
    label: 'Afslag efter egnethedsvurdering',
    decision: 'suitability-assessment',
    action: 'suitability_rejection',
    statuses: ['rejected'],
    reasons: {
      not_motivated: 'ikke tilstrækkeligt motiveret',
      parole_only: 'søger exit alene for at opnå prøveløsladelse',
      ties_to_gang_environment: 'fortsat tilknytning til bandemiljøet',
      security_concerns: 'sikkerhedsmæssige hensyn',
      too_little_time: 'for kort tid til løsladelsen',
      other: 'andet',
    },
  },
  interruption: {
    caseType: 'exit_course',
    label: 'Afbrudt forløb',
    decision: 'interruption',
    action: 'course_interrupted',
    statuses: ['interrupted_by_inmate', 'interrupted_by_kriminalforsorgen'],
    reasons: {
      own_wish: 'den indsatte ønsker ikke at fortsætte',
      agreement_breach: 'exit-aftalen er ikke overholdt',
      new_crime: 'ny kriminalitet',
      back_in_gang_environment: 'tilbage i bandemiljøet',
      security_concerns: 'sikkerhedsmæssige hensyn',
      deported: 'udvist eller udrejst',
      other: 'andet',
    },
  },
  handover_decline: {
    caseType: 'exit_course',
    label: 'Afvist overdragelse',
    decision: 'handover-decision',
    action: 'handover_declined',
    statuses: [],
    reasons: {
      other_district: 'personen hører til en anden politikreds',
      missing_information: 'overdragelsen mangler oplysninger',
      not_suitable: 'ikke egnet til et forløb hos politiets exitenhed',
      already_in_programme: 'allerede i et andet exitforløb',
      other: 'andet',
    },
  },
  handover_closure: {
    caseType: 'exit_course',
    label: 'Afsluttet af politiets exitenhed',
    decision: 'handover-decision',
    action: 'handover_accepted',
    statuses: ['handed_over_closed'],
    reasons: {
      completed: 'forløbet er gennemført',
      declined_by_person: 'personen ønsker ikke at fortsætte',
      not_reachable: 'personen kan ikke træffes',
      new_crime: 'ny kriminalitet',
      moved_away: 'fraflyttet',
      other: 'andet',
    },
  },
  police_course_end: {
    caseType: 'exit_course',
    label: 'Afsluttet forløb hos politiets exitenhed',
    decision: 'police-course-end',
    action: 'police_course_ended',
    // Ended, the course waits for its reoffending check, which makes it final.
    statuses: ['police_course_followed_up'],
    reasons: {
      goals_reached: 'målene i planen er nået',
      own_wish: 'borgeren ønsker ikke at fortsætte',
      not_reachable: 'borgeren kan ikke træffes',
      agreement_breach: 'aftalerne i forløbet er ikke overholdt',
      new_crime: 'ny kriminalitet',
      custody: 'varetægtsfængslet',
      moved_away: 'fraflyttet politikredsen',
      other: 'andet',
    },
  },
  no_concern_conversation: {
    caseType: 'dks_assessment',
    label: 'Afsluttet uden bekymringssamtale',
    decision: 'assessment',
    action: 'dks_assessed',
    statuses: ['closed_no_concern_conversation'],
    reasons: {
      no_concern: 'ingen bekymring ved nærmere vurdering',
      existing_measure: 'den unge har allerede en indsats',
      other_authority: 'varetages af en anden myndighed',
      moved_away: 'fraflyttet',
      other: 'andet',
    },
  },
  // The outcome (declined, not reached, an existing action plan) is the event's `outcome` detail; the code says why.
  dks_case_end: {
    caseType: 'dks_assessment',
    label: 'Afsluttet uden hjemmebesøg',
    decision: 'case-end',
    action: 'dks_case_ended',
    statuses: ['closed_declined', 'closed_not_reached', 'closed_existing_action_plan'],
    reasons: {
      no_wish_for_contact: 'familien ønsker ikke kontakt med politiet',
      support_elsewhere: 'familien får allerede støtte andetsteds',
      no_contact_details: 'ingen brugbare kontaktoplysninger',
      repeated_attempts: 'gentagne forgæves forsøg på kontakt',
      municipal_action_plan: 'kommunens handleplan dækker bekymringen',
      other: 'andet',
    },
  },
} as const satisfies Record<string, EndingDefinition>;

export type EndingName = keyof typeof ENDING_TABLE;
export const ENDINGS: Readonly<Record<EndingName, EndingDefinition>> = ENDING_TABLE;
export const ENDING_NAMES = Object.keys(ENDING_TABLE) as EndingName[];

/** The reason codes of one ending. */
export type EndingReasonCode<Ending extends EndingName> = keyof (typeof ENDING_TABLE)[Ending]['reasons'] & string;

/** Every reason code of any ending, once (what the API's field takes; the rule checks the ending's own list). */
export const ALL_ENDING_REASON_CODES: readonly string[] = [
  ...new Set(ENDING_NAMES.flatMap((ending) => Object.keys(ENDINGS[ending].reasons))),
];

/**
 * The final statuses no reason list is chosen for, and why: the decision that reaches them already says how
 * the case ended. A new final status must be added to an ending above or here (ending-reasons.spec.ts).
 */
export const FINAL_STATUSES_WITHOUT_REASON: Readonly<Record<CaseType, Readonly<Record<string, string>>>> = {
  exit_course: { handed_over_continued: 'the continuation (`continuation`) says how the course goes on' },
  dks_assessment: { followed_up: 'the follow-up check ends the case as planned; its findings are the text' },
  network_council: {
    agreements_made: 'the council ends with its agreements, each of a kind',
    action_plan_followed_up: "the last initiative's follow-up ends the council; each follow-up has its outcome",
  },
  concern_letter: {
    not_sent: "the committee's joint decision not to send, with its reason, ends it",
    closed_undelivered: 'the outcome (no dialogue) after an unknown address, with its reason, ends it',
    concluded: 'the outcome (CONCERN_LETTER_OUTCOMES) says how it ended',
  },
  access_request: {
    answered: 'the answer (its outcome) ends the request: full access',
    partly_withheld: 'the answer ends the request, with the legal ground and the reason for what is withheld',
    withheld: 'the answer ends the request, with the legal ground and the reason for the refusal',
  },
};

/** The code a decision records: the one chosen, or `other` for a client that sent only the free-text reason. */
export function reasonCodeOf(reasonCode: string | undefined): string {
  return reasonCode ?? OTHER_REASON;
}

/** An ending's reason code and its Danish name, or `undefined` for a code it does not have. */
export function endingReasonLabel(ending: EndingName, code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ENDINGS[ending].reasons, code)
    ? ENDINGS[ending].reasons[code]
    : undefined;
}

/** The ending a case event records (by its action), if it records one. */
export function endingOfAction(action: string): EndingName | undefined {
  return ENDING_NAMES.find((ending) => ENDINGS[ending].action === action);
}

/** `a`, `a eller b`, `a, b eller c`. */
function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} eller ${values[values.length - 1]}`;
}

/**
 * The rule every ending's reason follows: the code is one of the ending's list (left out: `other`), and
 * `other` needs a note that is not blank. `missingNote` is the decision's own message for a reason left
 * out altogether (as before reason codes: "En afbrydelse skal have en begrundelse.").
 */
export function refuseEndingReason(
  ending: EndingName,
  input: { reasonCode?: string; reason?: string },
  missingNote: string,
): Refusal | undefined {
  const code = reasonCodeOf(input.reasonCode);
  if (!endingReasonLabel(ending, code)) {
    const names = Object.values(ENDINGS[ending].reasons).map((name) => `»${name}«`);
    return { kind: 'invalid-data', message: `Årsagen skal være ${orList(names)}.` };
  }
  if (code === OTHER_REASON && !input.reason?.trim()) {
    return {
      kind: 'invalid-data',
      message: input.reasonCode === undefined ? missingNote : 'Når årsagen er »andet«, skal begrundelsen udfyldes.',
    };
  }
  return undefined;
}
