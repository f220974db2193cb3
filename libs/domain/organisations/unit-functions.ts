import type { Role } from './roles';

/**
 * The functions that share one unit: a police district holds the exit unit, DKS, the intelligence section,
 * the investigating unit and the coordination committee; a municipality its caseworkers, social services and
 * the committee. Each function sees the persons it registered itself (need to know); others only through a
 * case they may see.
 */
export const UNIT_FUNCTIONS = [
  'prison_casework',
  'exit',
  'dks',
  'intelligence',
  'investigation',
  'committee',
  'municipal_casework',
  'social_services',
] as const;

export type UnitFunction = (typeof UNIT_FUNCTIONS)[number];

/** A role's function within its unit; `null` for the roles that see all functions of their units (supervisors) or none. */
export const ROLE_FUNCTION: Record<Role, UnitFunction | null> = {
  kf_caseworker: 'prison_casework',
  police_exit_officer: 'exit',
  municipality_caseworker: 'municipal_casework',
  dks_officer: 'dks',
  supervisor: null,
  national_supervisor: null,
  administrator: null,
  operations: null,
  social_services_caseworker: 'social_services',
  police_intelligence_analyst: 'intelligence',
  concern_committee_member: 'committee',
  police_investigator: 'investigation',
  data_protection_officer: null,
};
