import type { DataSource } from 'typeorm';
import { DEMO_SECRETS } from '../config/demo-secrets';
import type { Organisation } from '../domain/organisations/organisation-units';
import { hashPassword } from './password-hashing';
import type { Role } from '../domain/organisations/roles';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organisation: Organisation;
  units: string[];
}

/**
 * One user per role and organisation (two prisons, to show that one cannot see the other's cases), and a
 * second caseworker in Storstrøm to assign cases to.
 */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  {
    username: 'kf.storstroem',
    displayName: 'Sagsbehandler, Storstrøm Fængsel',
    role: 'kf_caseworker',
    organisation: 'kriminalforsorgen',
    units: ['KF-STORSTROEM'],
  },
  {
    username: 'kf.ennermark',
    displayName: 'Sagsbehandler, Enner Mark Fængsel',
    role: 'kf_caseworker',
    organisation: 'kriminalforsorgen',
    units: ['KF-ENNER-MARK'],
  },
  {
    username: 'kf.leder.storstroem',
    displayName: 'Leder, Storstrøm Fængsel',
    role: 'supervisor',
    organisation: 'kriminalforsorgen',
    units: ['KF-STORSTROEM'],
  },
  {
    username: 'kf.leder.national',
    displayName: 'Landsdækkende leder, Kriminalforsorgen',
    role: 'national_supervisor',
    organisation: 'kriminalforsorgen',
    units: [],
  },
  {
    username: 'politi.kbh.exit',
    displayName: 'Exitenheden, Københavns Politi',
    role: 'police_exit_officer',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  {
    username: 'politi.kbh.dks',
    displayName: 'DKS, Københavns Politi',
    role: 'dks_officer',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  {
    username: 'politi.leder.kbh',
    displayName: 'Leder, Københavns Politi',
    role: 'supervisor',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  {
    username: 'politi.leder.national',
    displayName: 'Landsdækkende leder, Politiet',
    role: 'national_supervisor',
    organisation: 'politi',
    units: [],
  },
  {
    username: 'kommune.kbh',
    displayName: 'Sagsbehandler, Københavns Kommune',
    role: 'municipality_caseworker',
    organisation: 'kommune',
    units: ['KOM-0101'],
  },
  {
    username: 'kommune.leder.kbh',
    displayName: 'Leder, Københavns Kommune',
    role: 'supervisor',
    organisation: 'kommune',
    units: ['KOM-0101'],
  },
  {
    username: 'admin',
    displayName: 'Administrator',
    role: 'administrator',
    organisation: 'kriminalforsorgen',
    units: [],
  },
  {
    username: 'drift',
    displayName: 'Drift (Temporal)',
    role: 'operations',
    organisation: 'kriminalforsorgen',
    units: [],
  },
  // A colleague in Storstrøm: cases are assigned to, and absences covered by, someone of the same unit.
  {
    username: 'kf.storstroem.2',
    displayName: 'Sagsbehandler 2, Storstrøm Fængsel',
    role: 'kf_caseworker',
    organisation: 'kriminalforsorgen',
    units: ['KF-STORSTROEM'],
  },
  // Københavns Kommune's social services: only the joint home visits DKS plans with them.
  {
    username: 'social.kbh',
    displayName: 'Socialforvaltningen, Københavns Kommune',
    role: 'social_services_caseworker',
    organisation: 'kommune',
    units: ['KOM-0101'],
  },
  // Concern letters (bekymringsbreve): police intelligence proposes candidates; the committee decides jointly.
  {
    username: 'politi.kbh.eas',
    displayName: 'EAS-analytiker, Københavns Politi',
    role: 'police_intelligence_analyst',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  {
    username: 'politi.kbh.udvalg',
    displayName: 'Koordinationsudvalget (politiet), Københavns Politi',
    role: 'concern_committee_member',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  {
    username: 'kommune.kbh.udvalg',
    displayName: 'Koordinationsudvalget (kommunen), Københavns Kommune',
    role: 'concern_committee_member',
    organisation: 'kommune',
    units: ['KOM-0101'],
  },
  // The investigating unit: sends the documentation about a youth to the municipality.
  {
    username: 'politi.kbh.efterforskning',
    displayName: 'Efterforskning, Københavns Politi',
    role: 'police_investigator',
    organisation: 'politi',
    units: ['POL-KBH'],
  },
  // The data-protection function of each organisation (retention, a person's right of access, the access log).
  {
    username: 'kf.databeskyttelse',
    displayName: 'Databeskyttelse, Kriminalforsorgen',
    role: 'data_protection_officer',
    organisation: 'kriminalforsorgen',
    units: [],
  },
  {
    username: 'politi.databeskyttelse',
    displayName: 'Databeskyttelse, Politiet',
    role: 'data_protection_officer',
    organisation: 'politi',
    units: [],
  },
  {
    username: 'kommune.kbh.databeskyttelse',
    displayName: 'Databeskyttelse, Københavns Kommune',
    role: 'data_protection_officer',
    organisation: 'kommune',
    units: ['KOM-0101'],
  },
]);

/** Creates the demo users that are missing (never changes existing ones). Not for production. */
export async function seedDemoUsers(db: DataSource): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    const rows: unknown[] = await db.query(
      `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        user.username,
        user.displayName,
        await hashPassword(DEMO_SECRETS.demoUserPassword),
        user.role,
        user.organisation,
        user.units,
      ],
    );
    created += rows.length;
  }
  return created;
}
