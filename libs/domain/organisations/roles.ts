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
  'police_investigator',
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
  police_investigator: 'Efterforskning, politiet',
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
  police_investigator: ['politi'],
};
