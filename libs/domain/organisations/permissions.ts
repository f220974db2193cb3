import type { Role } from './roles';

/** What a user may do; endpoints and case decisions declare the permission they need. */
export type Permission =
  | 'exit-course:start'
  /** Start an exit course outside prison for the own police district or municipality (DOMAIN.md §5). */
  | 'exit-course:start-outside'
  | 'exit-course:decide'
  /**
   * Take a course in: its suitability assessment, its agreement and an interruption before the release or
   * the police phase — on the courses the own unit holds (Kriminalforsorgen's in prison, a police exit unit's
   * or municipality's own outside prison).
   */
  | 'exit-course:intake'
  | 'handover:decide'
  /** Log a mentor contact on a course the unit may change (Kriminalforsorgen's, the police's or the municipality's mentor). */
  | 'mentor-contact:log'
  /** Add the own organisation's view (municipality, Kriminalforsorgen) to the exit unit's handover decision. */
  | 'handover:view'
  | 'dks:decide'
  | 'council:decide'
  /** Suspend, resume or extend a step's configurable deadline; record why a legal deadline was missed (write access to the case too). */
  | 'deadline:manage'
  | 'case:read'
  /** Write notes in the journal of, and add documents to, the cases the user's unit may change. */
  | 'case:journal'
  | 'person:register'
  | 'person:read'
  | 'users:read'
  /** Deactivate or reactivate a local user of the own organisation, change their role and units (audited). */
  | 'users:write'
  /** The organisation units: add, rename, close and reopen them (never case contents). */
  | 'units:manage'
  | 'temporal:codec'
  /** Aggregate figures (reports) over the cases in the user's scope; no personal data. */
  | 'reports:read'
  /** The notice outbox's delivery state (units, kinds, errors; no case contents): operations' dead-letter view. */
  | 'notices:read'
  /** Cases whose read model refused a transition (ids and error codes, no contents), and sending it again. */
  | 'cases:attention'
  /** Take an unassigned case of the own unit as its responsible caseworker ("Tag sagen"). */
  | 'case:take'
  /** Assign or reassign a case of the own unit to a caseworker of that unit, one or many at once (audited). */
  | 'case:assign'
  /** The workload per caseworker of the own units (open steps, overdue, due soon). */
  | 'workload:read'
  /** Record and cancel absences with a substitute: one's own, and a supervisor's for the unit's staff. */
  | 'absence:record'
  /** The planned joint home visits of the own municipality's DKS cases: time, youth, district (social services). */
  | 'home-visit:read'
  /** Record the social services' participation in such a visit and the reference of their own level-1 case. */
  | 'home-visit:participate'
  /** Concern letters (DOMAIN.md §5): add a coordination round of the own police district. */
  | 'concern-letter:round'
  /** Put a candidate on a round (police intelligence, DKS, SSP, the municipal exit unit). */
  | 'concern-letter:propose'
  /** The coordination committee's joint decision on a candidate. */
  | 'concern-letter:decide'
  /** Deliver a decided letter, contact the parents, follow up and record the outcome (the police exit unit). */
  | 'concern-letter:deliver'
  /** Set and change a youth case's level (1–3) with a reason, and record the unit's monthly level-1 coordination meeting. */
  | 'case-level:set'
  /** Send the documentation that a youth is suspected or charged to the municipality (DKS, the investigating unit). */
  | 'police-documentation:send'
  /** Record the follow-up of a network council's initiative the own unit owns (or any, for the council's municipality). */
  | 'council:follow-up'
  /** The police's documentation: the municipality's inbox of what arrived, the police unit's list of what it sent. */
  | 'police-documentation:read'
  /** Retention (issue 16): the nightly list of cases past their retention period, and approving their deletion. */
  | 'retention:review'
  /** Set or lift a legal hold on a case, which stops its deletion (with a reason, audited). */
  | 'legal-hold:set'
  /** A person's right of access: register the request, make the export, record the decision on it. */
  | 'access-request:handle'
  /** Who read a case or a person (the access log), for the cases and persons in the user's scope. */
  | 'access-log:read'
  /** Mark a person as protected (udvidet adressebeskyttelse) or lift it, for a person of the own unit's cases. */
  | 'person:protect'
  /** The starts for a person whose open course the organisation holds, routed to its national supervisor (need to know). */
  | 'course-coordination:resolve';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  kf_caseworker: [
    'exit-course:start',
    'exit-course:decide',
    'exit-course:intake',
    'mentor-contact:log',
    'handover:view',
    'case:read',
    'case:journal',
    'person:register',
    'person:read',
    'case:take',
    'case:assign',
    'absence:record',
    'deadline:manage',
    'council:follow-up',
    'person:protect',
  ],
  police_exit_officer: [
    'exit-course:start-outside',
    'exit-course:intake',
    'case:read',
    'case:journal',
    'person:read',
    // To start a course outside prison for a person the unit has not met in a case before.
    'person:register',
    'handover:decide',
    'mentor-contact:log',
    'deadline:manage',
    'concern-letter:deliver',
    'council:follow-up',
    'person:protect',
  ],
  municipality_caseworker: [
    'exit-course:start-outside',
    'exit-course:intake',
    'case:read',
    'case:journal',
    'person:read',
    'person:register',
    'council:decide',
    'mentor-contact:log',
    'handover:view',
    'case:take',
    'case:assign',
    'absence:record',
    'deadline:manage',
    'concern-letter:propose',
    'case-level:set',
    'council:follow-up',
    'police-documentation:read',
    'person:protect',
  ],
  dks_officer: [
    'case:read',
    'case:journal',
    'person:read',
    'person:register',
    'dks:decide',
    'case:take',
    'case:assign',
    'absence:record',
    'deadline:manage',
    'concern-letter:propose',
    'case-level:set',
    'police-documentation:send',
    'council:follow-up',
    'police-documentation:read',
    'person:protect',
  ],
  supervisor: [
    'case:read',
    'person:read',
    'reports:read',
    'case:assign',
    'workload:read',
    'absence:record',
    'access-log:read',
    'legal-hold:set',
    'person:protect',
  ],
  national_supervisor: [
    'case:read',
    'person:read',
    'reports:read',
    'access-log:read',
    'legal-hold:set',
    'course-coordination:resolve',
  ],
  // Users and settings only: never case contents.
  administrator: ['users:read', 'users:write', 'units:manage'],
  // Runs Temporal: may decrypt payloads in the Temporal UI (every decode is logged). A payload cannot be
  // scoped to a unit, so no case-working role holds this.
  operations: ['temporal:codec', 'notices:read', 'cases:attention'],
  // Sees no case as such (no case types: every case read answers 404), only the narrow home-visit view.
  social_services_caseworker: ['case:read', 'home-visit:read', 'home-visit:participate'],
  police_intelligence_analyst: [
    'case:read',
    'case:journal',
    'person:read',
    'person:register',
    'concern-letter:round',
    'concern-letter:propose',
  ],
  concern_committee_member: ['case:read', 'person:read', 'concern-letter:round', 'concern-letter:decide'],
  // The investigating unit: registers the youth it sends about, sends, and reads what it sent.
  police_investigator: ['person:register', 'person:read', 'police-documentation:send', 'police-documentation:read'],
  // The organisation's data-protection function: retention, access requests, the access log. Reads no case
  // through the case routes; its scope is its organisation (or its units, where it has some).
  data_protection_officer: ['retention:review', 'legal-hold:set', 'access-request:handle', 'access-log:read'],
};
