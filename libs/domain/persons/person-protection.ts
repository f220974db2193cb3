/*
 * Protected persons (udvidet adressebeskyttelse, DOMAIN.md §5 and source 003): a person leaving the
 * environment whose name, CPR number and whereabouts must be shown to no one without need. The codes below
 * are the reasons the system records; none of them is free text, so the access log never holds an address.
 */

/** What is shown instead of a protected person's name, to everyone and everywhere but the reveal. */
export const PROTECTED_PERSON_NAME = 'Beskyttet person';

/** What is shown instead of a free text that can hold an address (notes, reasons, the handover report's texts). */
export const HIDDEN_FREE_TEXT = 'Skjult (beskyttet person)';

/** Why a person's protection is set or lifted (`reason` of `POST /api/persons/:ref/protection`). */
export const PROTECTION_REASONS = [
  'address_protection_registered',
  'threat_assessment',
  'person_request',
  'protection_ended',
] as const;
export type ProtectionReason = (typeof PROTECTION_REASONS)[number];

export const PROTECTION_REASON_LABELS: Record<ProtectionReason, string> = {
  address_protection_registered: 'udvidet adressebeskyttelse registreret i CPR',
  threat_assessment: 'trusselsvurdering fra politiet',
  person_request: 'personens egen anmodning',
  protection_ended: 'beskyttelsen er ophørt',
};

/** Why a caseworker of the responsible unit needs a protected person's name and CPR number now. */
export const REVEAL_REASONS = ['case_work', 'contact_with_person', 'authority_request', 'correct_register'] as const;
export type RevealReason = (typeof REVEAL_REASONS)[number];

export const REVEAL_REASON_LABELS: Record<RevealReason, string> = {
  case_work: 'sagsbehandling, der kræver personens identitet',
  contact_with_person: 'kontakt med personen',
  authority_request: 'henvendelse fra en anden myndighed',
  correct_register: 'kontrol eller rettelse af personoplysningerne',
};
