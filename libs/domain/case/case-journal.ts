/**
 * What every case type keeps beside its process (DOMAIN.md: "nothing lost, every decision traceable"): the
 * case journal's notes and the case's documents. Plain data: the codes the API takes and their Danish names.
 */

/** How a note came about (*telefon*, *møde*, *oplysning fra anden myndighed*, *andet*). */
export const NOTE_KINDS = ['phone', 'meeting', 'other_authority', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  phone: 'telefon',
  meeting: 'møde',
  other_authority: 'oplysning fra anden myndighed',
  other: 'andet',
};

/** What a document is to the case. */
export const DOCUMENT_TYPES = [
  'exit_agreement',
  'rejection',
  'action_plan',
  'summons',
  'minutes',
  'police_documentation',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  exit_agreement: 'exit-aftale',
  rejection: 'afslag',
  action_plan: 'handleplan',
  summons: 'indkaldelse',
  minutes: 'referat',
  police_documentation: 'dokumentation fra politiet',
  other: 'andet',
};

/** The longest note a person may write (a phone call's summary, a meeting's gist). */
export const MAX_NOTE_LENGTH = 10_000;
