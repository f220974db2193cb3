import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { DecisionTable } from '../../../../libs/domain/case/case-decision';
import { refuseMoment } from '../../../../libs/domain/case/refusal';
import { EXIT_COURSE_DECISIONS } from '../../../../libs/domain/exit-course/exit-course.decisions';
import { refuseCourseStart } from '../../../../libs/domain/exit-course/exit-course.rules';
import {
  EXIT_COURSE_STATUSES,
  type ExitCourseState,
  type ExitCourseStatus,
  type StepState,
} from '../../../../libs/domain/exit-course/exit-course.types';
import { DKS_CASE_DECISIONS } from '../../../../libs/domain/youth/dks-case.decisions';
import { DKS_CASE_STATUSES, type DksCaseState } from '../../../../libs/domain/youth/dks-case.types';
import { NETWORK_COUNCIL_DECISIONS } from '../../../../libs/domain/youth/network-council.decisions';
import {
  NETWORK_COUNCIL_STATUSES,
  type NetworkCouncilState,
} from '../../../../libs/domain/youth/network-council.types';

/**
 * Every message the API's request classes can answer, and the domain's refusals: each names a field as the
 * user knows it (never by its API name) and a time in Danish local time (never as an ISO timestamp).
 * The request classes are found, not listed: every DTO, query and controller module of the API is loaded,
 * and class-validator's metadata holds every class with checks — a new DTO is covered without a change here.
 */

const API_SOURCES = join(__dirname, '..');
const REQUEST_MODULE = /\.(dto|query|controller)\.ts$|^page\.ts$/;

function requestModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return requestModules(path);
    return REQUEST_MODULE.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

for (const module of requestModules(API_SOURCES)) require(module);

/** Checks that only decide whether other checks run; they answer nothing themselves. */
const SILENT_TYPES = new Set(['conditionalValidation', 'whitelistValidation']);

interface CheckedMessage {
  source: string;
  message: string;
}

const storage = getMetadataStorage();
const validated = (storage as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> })
  .validationMetadatas;

/** What class-validator answers when a check fails: its own message, else its constraint's default one. */
function messageOf(metadata: ValidationMetadata): string {
  const args: ValidationArguments = {
    targetName: (metadata.target as { name: string }).name,
    property: metadata.propertyName,
    object: {},
    value: undefined,
    constraints: metadata.constraints,
  };
  if (typeof metadata.message === 'function') return metadata.message(args);
  if (typeof metadata.message === 'string') return metadata.message;
  const constraint = metadata.constraintCls && storage.getTargetValidatorConstraints(metadata.constraintCls)[0];
  const instance = constraint?.instance as { defaultMessage?: (args: ValidationArguments) => string } | undefined;
  return instance?.defaultMessage?.(args) ?? '';
}

const requestClasses = [...validated.keys()];
const dtoMessages: CheckedMessage[] = requestClasses.flatMap((target) =>
  validated
    .get(target)!
    .filter((metadata) => !SILENT_TYPES.has(metadata.type))
    .map((metadata) => ({ source: `${target.name}.${metadata.propertyName}`, message: messageOf(metadata) })),
);

/** Every property name of the API's requests: none may stand in a message. */
const PROPERTY_NAMES = [
  ...new Set(requestClasses.flatMap((target) => validated.get(target)!.map((m) => m.propertyName))),
];

/**
 * Property names that are Danish words too ("at", "to", "by", "form", "status" …): in running Danish text
 * they are fine ("Kontaktens form skal …"); as an API name they open the message in lower case ("to skal
 * angives.", as a Danish sentence never does) or stand quoted ('to').
 */
const DANISH_WORDS = new Set([
  'at',
  'by',
  'to',
  'form',
  'status',
  'data',
  'format',
  'sort',
  'note',
  'kind',
  'item',
  'type',
]);

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FORBIDDEN = PROPERTY_NAMES.map((name) => {
  const word = `(?<![\\p{L}\\p{N}_-])${escape(name)}(?![\\p{L}\\p{N}_])`;
  return {
    name,
    pattern: DANISH_WORDS.has(name)
      ? new RegExp(`^${escape(name)}(?![\\p{L}\\p{N}_])|['»"\`]${escape(name)}['«"\`]`, 'u')
      : new RegExp(word, 'u'),
  };
});

/** Why a message may not be shown to a user, or `undefined`. */
export function problemOf(message: string): string | undefined {
  if (!message.trim()) return 'er tom';
  if (ISO_TIMESTAMP.test(message)) return 'viser et ISO-tidspunkt';
  const named = FORBIDDEN.find(({ pattern }) => pattern.test(message));
  return named ? `nævner API-feltet '${named.name}'` : undefined;
}

// ---- The domain's refusals, provoked from each decision table in every status ----

const NOW = new Date('2026-06-10T12:00:00.000Z');
const REFERRED_AT = '2026-03-02T09:00:00.000Z';
const VALID_MOMENT = '2026-06-10T11:00:00.000Z';
const MOMENTS = ['i går', '2020-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', VALID_MOMENT];
const MOMENT_FIELDS = [
  'decidedAt',
  'signedAt',
  'assignedAt',
  'contactAt',
  'at',
  'recordedAt',
  'transferredAt',
  'releasedAt',
  'interruptedAt',
  'redirectedAt',
  'invitedAt',
  'heldAt',
  'agreedAt',
  'checkedAt',
  'plannedFor',
];

/** One input every decision reads its own fields from, with the variants that make the rules refuse. */
const BASE_INPUT = {
  actor: { id: 'user-1' },
  reason: 'Begrundet.',
  summary: 'Udtalelse.',
  initiatives: 'Fritidsjob.',
  findings: 'I gang.',
  outcome: 'offer',
  party: 'police',
  by: 'inmate',
  event: 'started',
  decision: 'accept',
  continuation: 'with_municipality',
  mentorRef: 'MENTOR-0099',
  durationMinutes: 60,
  form: 'meeting',
  toInstitutionCode: 'KF-ENNER-MARK',
  municipalityCode: 'KOM-0101',
  policeDistrictCode: 'POL-KBH-VESTEGN',
  item: 'housing',
  ready: true,
  expectedReleaseDate: '2099-06-01',
  withSocialServices: true,
  participants: [{ role: 'youth' }],
  agreements: [{ kind: 'mentor_support', description: 'Mentor.' }],
  concernConversation: true,
};
const VARIANTS: Record<string, unknown>[] = [
  {},
  { reason: ' ', summary: ' ', initiatives: ' ', findings: ' ' },
  { outcome: 'rejection', reason: ' ' },
  { decision: 'decline', reason: ' ' },
  { continuation: 'closed', reason: ' ' },
  // Reason codes (ending-reasons.ts): unknown, `other` without a note, and on a decision that ends nothing.
  { reasonCode: 'ukendt' },
  { reasonCode: 'other', reason: ' ' },
  { reasonCode: 'no_concern' },
  { outcome: 'rejection', reasonCode: 'other', reason: ' ', concernConversation: false },
  { decision: 'decline', reasonCode: 'ukendt', continuation: 'closed', concernConversation: false },
  { event: 'ended' },
  { party: 'kriminalforsorgen' },
  { party: 'ukendt' },
  { item: 'ukendt' },
  { mentorRef: 'x' },
  { mentorRef: 'MENTOR-0042' },
  { durationMinutes: 0 },
  { toInstitutionCode: 'INGEN' },
  { toInstitutionCode: 'KF-STORSTROEM' },
  { municipalityCode: 'INGEN' },
  { policeDistrictCode: 'INGEN' },
  { policeDistrictCode: 'POL-KBH' },
  { policeDistrictCode: undefined, municipalityCode: undefined },
  { expectedReleaseDate: '2027-02-30' },
  { expectedReleaseDate: '2026-01-01' },
  { expectedReleaseDate: '2027-06-01' },
  { withSocialServices: false },
  { participants: [], agreements: [] },
  ...MOMENTS.map((moment) => Object.fromEntries(MOMENT_FIELDS.map((field) => [field, moment]))),
  // The DKS case's outcomes, its move and the social services' participation.
  { outcome: 'declined' },
  { outcome: 'existing_action_plan', reasonCode: 'other', reason: ' ' },
  { outcome: 'not_reached', endedAt: 'i går' },
  { toPoliceDistrictCode: 'POL-KBH', movedAt: 'i går' },
  { participates: false, levelOneCaseRefEncrypted: 'x' },
];

const step = (kind: StepState['kind']): StepState => ({
  stepId: `step-${kind}`,
  kind,
  status: 'open',
  openedAt: REFERRED_AT,
  dueAt: '2026-07-01T22:00:00.000Z',
});
const OPEN_STEP: Partial<Record<ExitCourseStatus, StepState['kind']>> = {
  awaiting_suitability_assessment: 'suitability_assessment',
  awaiting_agreement_signature: 'agreement_signing',
  agreement_active: 'mentor_contact',
  awaiting_handover_decision: 'handover_decision',
  handover_declined: 'handover_redirect',
};

function exitCourses(): ExitCourseState[] {
  return EXIT_COURSE_STATUSES.flatMap((status) =>
    [false, true].map((withMentorAndParole) => ({
      caseId: 'case-1',
      status,
      referredAt: REFERRED_AT,
      steps: OPEN_STEP[status] ? [step(OPEN_STEP[status])] : [],
      mentor: {
        contactCount: 0,
        contactMinutes: 0,
        ...(withMentorAndParole ? { mentorRef: 'MENTOR-0042', assignedAt: '2026-04-01T10:00:00.000Z' } : {}),
      },
      psychologistCourse: withMentorAndParole ? 'ongoing' : 'not_started',
      paroleLinked: withMentorAndParole,
      assessmentInputs: withMentorAndParole ? ['kriminalforsorgen'] : [],
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2027-06-01',
      readiness: { housing: false, income: false, job_or_education_plan: false, mentor_continuity: false },
      handover: { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101', releasedAt: '2026-06-01T10:00:00.000Z' },
      ...(withMentorAndParole ? {} : { releasePlan: undefined }),
    })),
  ) as ExitCourseState[];
}

const dksCases = (): DksCaseState[] =>
  DKS_CASE_STATUSES.flatMap((status) => [
    { caseId: 'case-1', status, policeDistrictCode: 'POL-KBH', triggeredAt: REFERRED_AT, steps: [] },
    {
      caseId: 'case-1',
      status,
      policeDistrictCode: 'POL-KBH',
      triggeredAt: REFERRED_AT,
      steps: [],
      assessedAt: '2026-04-01T10:00:00.000Z',
    },
    {
      caseId: 'case-1',
      status,
      policeDistrictCode: 'POL-KBH',
      homeVisitMunicipalityCode: 'KOM-0101',
      triggeredAt: REFERRED_AT,
      steps: [],
      assessedAt: '2026-04-01T10:00:00.000Z',
      homeVisitHeldAt: '2026-05-01T10:00:00.000Z',
    },
  ]);

const councils = (): NetworkCouncilState[] =>
  NETWORK_COUNCIL_STATUSES.flatMap((status) => [
    { caseId: 'case-1', municipalityCode: 'KOM-0101', status, documentationReceivedAt: REFERRED_AT, steps: [] },
    {
      caseId: 'case-1',
      municipalityCode: 'KOM-0101',
      status,
      documentationReceivedAt: REFERRED_AT,
      steps: [],
      invitedAt: '2026-04-01T10:00:00Z',
    },
    {
      caseId: 'case-1',
      municipalityCode: 'KOM-0101',
      status,
      documentationReceivedAt: REFERRED_AT,
      steps: [],
      invitedAt: '2026-04-01T10:00:00.000Z',
      heldAt: '2026-05-01T10:00:00.000Z',
    },
  ]);

function refusalsOf(tableName: string, table: DecisionTable<any, any, any, any>, states: unknown[]): CheckedMessage[] {
  return Object.entries(table).flatMap(([decision, row]) =>
    states.flatMap((state) =>
      VARIANTS.flatMap((variant) => {
        const refusal = row.refuse(state, { ...BASE_INPUT, ...variant }, NOW);
        return refusal ? [{ source: `${tableName}.${decision}`, message: refusal.message }] : [];
      }),
    ),
  );
}

function courseStartRefusals(): CheckedMessage[] {
  const facts = { personRef: 'P-2026-0042', institutionCode: 'KF-STORSTROEM', expectedReleaseDate: '2027-06-30' };
  return [
    { personRef: '010190-1234' },
    { institutionCode: 'INGEN' },
    { expectedReleaseDate: '2027-02-30' },
    { referredAt: 'i går' },
    { referredAt: '2099-01-01T00:00:00.000Z' },
    { expectedReleaseDate: '2020-01-01' },
  ].flatMap((variant) => {
    const refusal = refuseCourseStart(
      { ...facts, referredAt: VALID_MOMENT, ...variant },
      NOW,
      (code) => code === 'KF-STORSTROEM',
    );
    return refusal ? [{ source: 'refuseCourseStart', message: refusal.message }] : [];
  });
}

const refusalMessages: CheckedMessage[] = [
  ...refusalsOf('EXIT_COURSE_DECISIONS', EXIT_COURSE_DECISIONS, exitCourses()),
  ...refusalsOf('DKS_CASE_DECISIONS', DKS_CASE_DECISIONS, dksCases()),
  ...refusalsOf('NETWORK_COUNCIL_DECISIONS', NETWORK_COUNCIL_DECISIONS, councils()),
  ...courseStartRefusals(),
];

const distinct = (messages: CheckedMessage[]) => [
  ...new Map(messages.map((checked) => [`${checked.source}\u0000${checked.message}`, checked])).values(),
];

describe('user-facing messages', () => {
  it('finds the request classes and their checks', () => {
    const names = requestClasses.map((target) => target.name);
    expect(names).toEqual(
      expect.arrayContaining(['StartExitCourseDto', 'SuitabilityAssessmentDto', 'ReportPeriodQuery', 'PageQuery']),
    );
    expect(PROPERTY_NAMES).toEqual(expect.arrayContaining(['outcome', 'durationMinutes', 'from', 'to']));
  });

  it('name no API field and show no ISO timestamp in any request check', () => {
    const messages = distinct(dtoMessages);
    const bad = messages.flatMap(({ source, message }) => {
      const problem = problemOf(message);
      return problem ? [`${source}: "${message}" ${problem}`] : [];
    });
    const opening = messages.filter(({ message }) => PROPERTY_NAMES.some((name) => message.startsWith(`${name} `)));
    console.log(
      `${messages.length} messages of ${requestClasses.length} request classes checked: ` +
        `${opening.length} begin with an API field name, ${bad.length} bad`,
    );
    expect(bad).toEqual([]);
  });

  it("name no API field and show no ISO timestamp in the domain's refusals", () => {
    const messages = distinct(refusalMessages);
    const bad = messages.flatMap(({ source, message }) => {
      const problem = problemOf(message);
      return problem ? [`${source}: "${message}" ${problem}`] : [];
    });
    console.log(`${messages.length} distinct refusal messages checked; ${bad.length} bad`);
    expect(messages.length).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });

  it('shows a refused moment in Danish local time', () => {
    const floors = [{ at: '2026-12-01T16:13:00.000Z', text: 'henvisningen' }];
    expect(refuseMoment('Tidspunktet', '2026-11-30T10:00:00.000Z', NOW, floors)?.message).toBe(
      'Tidspunktet ligger før henvisningen (01.12.2026 kl. 17.13).',
    );
  });

  it('catches the old style of message', () => {
    expect(problemOf('outcome skal udfyldes.')).toBe("nævner API-feltet 'outcome'");
    expect(problemOf('durationMinutes skal være et helt antal minutter.')).toBe("nævner API-feltet 'durationMinutes'");
    expect(problemOf('to må ikke ligge før from.')).toBeDefined();
    expect(problemOf('to skal angives.')).toBe("nævner API-feltet 'to'");
    expect(problemOf('Mødetidspunktet ligger før 2026-03-02T09:00:00.000Z.')).toBe('viser et ISO-tidspunkt');
    expect(problemOf('Et tilbud har ingen begrundelse: send ikke reason.')).toBe("nævner API-feltet 'reason'");
    expect(problemOf('')).toBe('er tom');
    // Danish words that are also property names, used as Danish.
    expect(problemOf('Personen var 19 år på det tidspunkt, hvor sagen blev sendt til en anden by.')).toBeUndefined();
    expect(problemOf('Til-datoen må ikke ligge før fra-datoen.')).toBeUndefined();
  });
});
