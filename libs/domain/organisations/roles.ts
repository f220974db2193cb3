import type { Organisation } from './organisation-units';

export const ROLES = [
  'kf_caseworker',
  'police_exit_officer',
  'municipality_caseworker',
  'dks_officer',
  'supervisor',
  'national_supervisor',
  'administrator',
  'operations',
  'social_services_caseworker',
  'police_intelligence_analyst',
  'concern_committee_member',
  'police_investigator',
  'data_protection_officer',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  kf_caseworker: 'Sagsbehandler, Kriminalforsorgen',
  police_exit_officer: 'Politiets exitenhed',
  municipality_caseworker: 'Sagsbehandler, kommune',
  dks_officer: 'Den Kriminalpræventive Sektion (DKS)',
  supervisor: 'Leder',
  national_supervisor: 'Landsdækkende leder',
  administrator: 'Administrator',
  operations: 'Drift (Temporal)',
  social_services_caseworker: 'Socialforvaltningen, kommune',
  police_intelligence_analyst: 'Politiets efterretningssektion (EAS), analytiker',
  concern_committee_member: 'Koordinationsudvalg (bekymringsbreve)',
  police_investigator: 'Efterforskning, politiet',
  data_protection_officer: 'Databeskyttelse',
};

/** The organisations a role can belong to. */
export const ROLE_ORGANISATIONS: Record<Role, readonly Organisation[]> = {
  kf_caseworker: ['kriminalforsorgen'],
  police_exit_officer: ['politi'],
  municipality_caseworker: ['kommune'],
  dks_officer: ['politi'],
  supervisor: ['kriminalforsorgen', 'politi', 'kommune'],
  national_supervisor: ['kriminalforsorgen', 'politi'],
  administrator: ['kriminalforsorgen', 'politi', 'kommune'],
  operations: ['kriminalforsorgen', 'politi', 'kommune'],
  social_services_caseworker: ['kommune'],
  police_intelligence_analyst: ['politi'],
  concern_committee_member: ['politi', 'kommune'],
  police_investigator: ['politi'],
  data_protection_officer: ['kriminalforsorgen', 'politi', 'kommune'],
};
