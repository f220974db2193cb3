/**
 * How long a case's personal data is kept after the case ends (`closed_at`), per case type and per kind of
 * data, with where each period comes from (docs/retention.md). No Danish source fixes a number of years for
 * these cases: retshåndhævelsesloven § 4, stk. 5 and GDPR art. 5, stk. 1, litra e say "no longer than
 * necessary", so each period is a configurable default (the environment variable in `setting`, documented
 * in docs/configuration.md). A case still open is never due. A case's data goes as a whole — the approval
 * is per case — so the period that decides is the case's `caseContents`; the other kinds state what is
 * erased with it and what is kept.
 */
export type RetentionDataKind = 'caseContents' | 'journalNotes' | 'documents' | 'notices' | 'accessLog';

export interface RetentionDefinition {
  /** Days after the case's end. */
  days: number;
  /** What is kept, in Danish, for the deletion list. */
  label: string;
  /** The legal source, or why it is a default. */
  source: string;
  basis: 'fixed' | 'default';
  setting?: string;
}

/** Keyed by case type as a string: a case type added by another slice (`access_request`) needs no import here. */
export type RetentionPolicy = Readonly<Record<string, RetentionDefinition>>;

const NECESSITY =
  'Retshåndhævelseslovens § 4, stk. 5 og § 5 og GDPR art. 5, stk. 1, litra e: ikke længere end nødvendigt.';
const NO_SOURCE = 'Ingen kilde fastsætter fristen; konfigurerbar standard.';

/** The period per case type: the case's contents (status, steps, events' free text, per-type rows). */
export const RETENTION_POLICY: RetentionPolicy = Object.freeze({
  exit_course: {
    days: 1825,
    label: 'Exitforløb',
    source: `${NECESSITY} ${NO_SOURCE}`,
    basis: 'default',
    setting: 'RETENTION_EXIT_COURSE_DAYS',
  },
  dks_assessment: {
    days: 730,
    label: 'DKS-vurdering',
    source: `${NECESSITY} Kilderne fjerner personer fra banderegistret, når de ikke længere er relevante (002, 001). ${NO_SOURCE}`,
    basis: 'default',
    setting: 'RETENTION_DKS_ASSESSMENT_DAYS',
  },
  network_council: {
    days: 730,
    label: 'Netværksråd',
    source: `${NECESSITY} ${NO_SOURCE}`,
    basis: 'default',
    setting: 'RETENTION_NETWORK_COUNCIL_DAYS',
  },
  concern_letter: {
    days: 365,
    label: 'Bekymringsbrev',
    source: `${NECESSITY} ${NO_SOURCE}`,
    basis: 'default',
    setting: 'RETENTION_CONCERN_LETTER_DAYS',
  },
  access_request: {
    days: 730,
    label: 'Anmodning om indsigt',
    source: `${NECESSITY} GDPR art. 5, stk. 2 (ansvarlighed: at indsigten blev givet skal kunne dokumenteres). ${NO_SOURCE}`,
    basis: 'default',
    setting: 'RETENTION_ACCESS_REQUEST_DAYS',
  },
});

/** Per kind of data: when it goes, and why — all with the case, by its type's period. */
export const RETENTION_DATA_KINDS: Readonly<Record<RetentionDataKind, { label: string; source: string }>> =
  Object.freeze({
    caseContents: {
      label: 'Sagens indhold (status, trin, begrundelser, typens oplysninger)',
      source: `Sagstypens frist. ${NECESSITY} De anonyme fakta (type, enhed, datoer, trin og udfald) bevares til statistik, uden person.`,
    },
    journalNotes: {
      label: 'Journalnotater',
      source: `Slettes med sagen (sagstypens frist): notaterne er sagens akter. ${NECESSITY}`,
    },
    documents: {
      label: 'Dokumenter (filer)',
      source: `Slettes med sagen (sagstypens frist). ${NECESSITY} Rigsarkivet/arkivloven: sager, der ikke er udpeget til bevaring og aflevering, kasseres.`,
    },
    notices: {
      label: 'Underretninger (udbakke)',
      source: `Slettes med sagen (sagstypens frist). ${NECESSITY}`,
    },
    accessLog: {
      label: 'Adgangslog',
      source:
        'Retshåndhævelseslovens logningskrav (direktiv (EU) 2016/680 art. 25) og GDPR art. 5, stk. 2: hvem der læste hvad bevares, men pseudonymt — personen erstattes af et tilfældigt pseudonym, og fritekst fjernes, når sagen slettes.',
    },
  });

export type RetentionPolicySnapshot = Readonly<Record<string, number>>;

export function defaultRetentionPolicy(): RetentionPolicySnapshot {
  return Object.fromEntries(Object.entries(RETENTION_POLICY).map(([type, definition]) => [type, definition.days]));
}

/** The periods with configurable defaults overridden: whole days from 1 to 3650, else start-up stops. */
export function retentionPolicyFromEnvironment(env: Record<string, string | undefined>): RetentionPolicySnapshot {
  const periods: Record<string, number> = { ...defaultRetentionPolicy() };
  for (const [type, definition] of Object.entries(RETENTION_POLICY)) {
    if (definition.basis !== 'default' || !definition.setting) continue;
    const raw = env[definition.setting];
    if (raw === undefined || raw === '') continue;
    const days = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || days < 1 || days > 3650) {
      throw new Error(`${definition.setting} must be a whole number of days from 1 to 3650, got '${raw}'.`);
    }
    periods[type] = days;
  }
  return Object.freeze(periods);
}

/** The shortest period: the Temporal namespace's retention of closed histories (docs/retention.md). */
export function shortestRetentionDays(policy: RetentionPolicySnapshot): number {
  return Math.min(...Object.values(policy));
}

/** When a case's data is due for deletion: never while it is open or of a type the policy does not know. */
export function retentionDueAt(
  policy: RetentionPolicySnapshot,
  caseType: string,
  closedAt: Date | null,
): Date | undefined {
  const days = policy[caseType];
  if (!closedAt || days === undefined) return undefined;
  return new Date(closedAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The nightly deletion-list run: a cron expression in a time zone (Danish time by default). */
export interface RetentionScheduleSettings {
  cron: string;
  timeZone: string;
}

export const RETENTION_SCHEDULE_DEFAULTS: RetentionScheduleSettings = Object.freeze({
  cron: '0 2 * * *',
  timeZone: 'Europe/Copenhagen',
});

export function retentionScheduleFromEnvironment(env: Record<string, string | undefined>): RetentionScheduleSettings {
  const cron = env.RETENTION_SCHEDULE_CRON?.trim() || RETENTION_SCHEDULE_DEFAULTS.cron;
  if (cron.split(/\s+/).length !== 5) {
    throw new Error(`RETENTION_SCHEDULE_CRON must be a cron expression of five fields, got '${cron}'.`);
  }
  return { cron, timeZone: env.RETENTION_SCHEDULE_TIME_ZONE?.trim() || RETENTION_SCHEDULE_DEFAULTS.timeZone };
}
