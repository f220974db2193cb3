import { randomUUID } from 'node:crypto';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { documentForm, pdfFile } from '../support/document-files';
import { DAY_MS } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import {
  http,
  startSystem,
  type HttpAnswer,
  type SystemUnderTest,
  type UserClient,
} from '../support/system-under-test';

/**
 * Every endpoint × every demo user (and no user) × a target at Storstrøm Fængsel and one at Enner Mark
 * Fængsel, each with its exact expected answer. `listed`/`hidden`: 200, and the target case is (not) in
 * the list. The test fails when the API has a route this table lacks, or the table a route the API lacks.
 */
type Expected = number | 'listed' | 'hidden';
type Target = 'storstroem' | 'ennermark';

const USERS = [
  'anonymous',
  'kf.storstroem',
  'kf.ennermark',
  'kf.leder.storstroem',
  'kf.leder.national',
  'politi.kbh.exit',
  'politi.kbh.dks',
  'politi.leder.kbh',
  'politi.leder.national',
  'kommune.kbh',
  'kommune.leder.kbh',
  'admin',
  'drift',
  'social.kbh',
  'kf.databeskyttelse',
  'politi.databeskyttelse',
  'kommune.kbh.databeskyttelse',
  'politi.kbh.eas',
  'politi.kbh.udvalg',
  'kommune.kbh.udvalg',
  'politi.kbh.efterforskning',
] as const;
type User = (typeof USERS)[number];

/** [expected for the Storstrøm target, expected for the Enner Mark target], or one value for both. */
type Row = Record<User, Expected | [Expected, Expected]>;

/** Same answer for every user but these. */
const all = (value: Expected, except: Partial<Row> = {}): Row =>
  Object.fromEntries(USERS.map((user) => [user, except[user] ?? value])) as Row;

/**
 * The roles that read no case through the case routes (no `case:read`): the data-protection officers, whose
 * reads go through the data-protection routes, and the investigating unit, which reads only what it sent.
 */
const NO_CASE_ROUTES: Partial<Row> = {
  'kf.databeskyttelse': 403,
  'politi.databeskyttelse': 403,
  'kommune.kbh.databeskyttelse': 403,
  'politi.kbh.efterforskning': 403,
};

/** The data-protection officers' own routes (a request on the target is no request: 404). */
const dataProtection = (answer: Expected): Partial<Row> => ({
  'kf.databeskyttelse': answer,
  'politi.databeskyttelse': answer,
  'kommune.kbh.databeskyttelse': answer,
});

/** Only the KF caseworkers and the KF supervisors see the case of their own prison; national KF sees both. */
const caseRead = (own: Expected, foreign: Expected, outsider: Expected): Row =>
  all(outsider, {
    anonymous: 401,
    ...NO_CASE_ROUTES,
    'kf.storstroem': [own, foreign],
    'kf.ennermark': [foreign, own],
    'kf.leder.storstroem': [own, foreign],
    'kf.leder.national': [own, own],
    admin: 403,
    drift: 403,
  });

/** Decisions: the KF caseworker of the case's prison; 404 outside the scope; 403 for roles that do not decide. */
const caseDecision: Row = all(403, { anonymous: 401, 'kf.storstroem': [422, 404], 'kf.ennermark': [404, 422] });

/**
 * The intake decisions (suitability assessment, agreement, interruption): the police exit unit and the
 * municipality take them on courses they started outside prison, so these prisons' cases are 404 to them.
 */
const intake = (row: Row): Row => ({ ...row, 'politi.kbh.exit': 404, 'kommune.kbh': 404 });

/** Decisions the fixture's state does not allow yet: the owner gets the workflow's 409, nothing changes. */
const caseDecisionNotYet: Row = all(403, { anonymous: 401, 'kf.storstroem': [409, 404], 'kf.ennermark': [404, 409] });

/**
 * The case journal and documents: every caseworker role writes (`case:journal`), on cases its unit may change; the
 * police, DKS and the municipality do not see these prisons' cases (404). The owner's note corrects a note the
 * case does not have (422), its upload has no file (400): nothing changes.
 */
const journalWrite = (owner: Expected): Row =>
  all(403, {
    anonymous: 401,
    'kf.storstroem': [owner, 404],
    'kf.ennermark': [404, owner],
    'politi.kbh.exit': 404,
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
  });

/**
 * A step's deadline decisions (any case type): the same caseworkers' roles; the fixture's own caseworker gets the
 * workflow's refusal (422 for impossible facts, 409 where the step admits none), nothing changes; others 404.
 */
const stepDeadline = journalWrite;

/** Only operations decrypts Temporal payloads: a payload cannot be scoped to a unit. */
const codec: Row = all(403, { anonymous: 401, drift: 200 });

/** Aggregate figures: the supervisors' roles. */
const reports: Row = all(403, {
  anonymous: 401,
  'kf.leder.storstroem': 200,
  'kf.leder.national': 200,
  'politi.leder.kbh': 200,
  'politi.leder.national': 200,
  'kommune.leder.kbh': 200,
});

/** Assigning: the case's own caseworker and supervisor get the refusal; other assigners do not see the case. */
const assignment: Row = all(403, {
  anonymous: 401,
  'kf.storstroem': [422, 404],
  'kf.ennermark': [404, 422],
  'kf.leder.storstroem': [422, 404],
  'politi.kbh.dks': 404,
  'politi.leder.kbh': 404,
  'kommune.kbh': 404,
  'kommune.leder.kbh': 404,
});

/** Absences and colleagues: the caseworkers and the local supervisors. */
const absences = (value: Expected): Row =>
  all(403, {
    anonymous: 401,
    'kf.storstroem': value,
    'kf.ennermark': value,
    'kf.leder.storstroem': value,
    'politi.kbh.dks': value,
    'politi.leder.kbh': value,
    'kommune.kbh': value,
    'kommune.leder.kbh': value,
  });

/**
 * What the supervisors who may see the case and the data-protection officer of the organisation holding it read
 * (who read a case or a person, a case's legal hold): Kriminalforsorgen's officer holds both prisons' cases; the
 * police's and the municipality's see neither, before any handover (404).
 */
const supervisorsAndHoldersOfficer: Row = all(403, {
  anonymous: 401,
  'kf.leder.storstroem': [200, 404],
  'kf.leder.national': 200,
  'politi.leder.kbh': 404,
  'politi.leder.national': 404,
  'kommune.leder.kbh': 404,
  'kf.databeskyttelse': 200,
  'politi.databeskyttelse': 404,
  'kommune.kbh.databeskyttelse': 404,
});

const MATRIX: Record<string, Row> = {
  'GET /api/health': all(200),
  'GET /api/health/live': all(200),
  'GET /api/health/ready': all(200),
  'POST /api/auth/login': all(200, { anonymous: 401 }),
  'GET /api/auth/me': all(200, { anonymous: 401 }),
  'GET /api/admin/users': all(403, { anonymous: 401, admin: 200 }),
  // A role of another organisation: refused (422) for the administrator, so nothing changes.
  'PATCH /api/admin/users/{id}': all(403, { anonymous: 401, admin: 422 }),
  // The organisation units: the administrator only. The add is refused for its body, the change for its unknown code.
  'GET /api/admin/units': all(403, { anonymous: 401, admin: 200 }),
  'POST /api/admin/units': all(403, { anonymous: 401, admin: 400 }),
  'PATCH /api/admin/units/{code}': all(403, { anonymous: 401, admin: 404 }),
  'POST /api/exit-courses': all(403, { anonymous: 401, 'kf.storstroem': [201, 403], 'kf.ennermark': [403, 201] }),
  // Outside prison: the police exit unit and the municipality; an empty body is refused (400), nothing starts.
  'POST /api/exit-courses/outside-prison': all(403, { anonymous: 401, 'politi.kbh.exit': 400, 'kommune.kbh': 400 }),
  'GET /api/exit-courses': caseRead('listed', 'hidden', 'hidden'),
  'GET /api/cases': caseRead('listed', 'hidden', 'hidden'),
  'GET /api/exit-courses/{id}': caseRead(200, 404, 404),
  'GET /api/exit-courses/{id}/history': caseRead(200, 404, 404),
  'GET /api/cases/{id}/notes': caseRead(200, 404, 404),
  // The intelligence analysts write in the journal of their concern letters, and see no exit course.
  'POST /api/cases/{id}/notes': { ...journalWrite(422), 'politi.kbh.eas': 404 },
  'GET /api/cases/{id}/documents': caseRead(200, 404, 404),
  'POST /api/cases/{id}/documents': { ...journalWrite(400), 'politi.kbh.eas': 404 },
  'GET /api/cases/{id}/documents/{documentId}': caseRead(200, 404, 404),
  'POST /api/exit-courses/{id}/suitability-assessment': intake(caseDecision),
  'POST /api/exit-courses/{id}/interruption': intake(caseDecision),
  'POST /api/exit-courses/{id}/assessment-inputs': caseDecision,
  'POST /api/exit-courses/{id}/agreement-signed': intake(caseDecisionNotYet),
  'POST /api/exit-courses/{id}/mentor': caseDecisionNotYet,
  // After release the police exit unit and the municipality log contacts too; these prisons' cases are 404 to them.
  'POST /api/exit-courses/{id}/mentor-contacts': { ...caseDecisionNotYet, 'politi.kbh.exit': 404, 'kommune.kbh': 404 },
  'GET /api/exit-courses/{id}/mentor-contacts': caseRead(200, 404, 404),
  'POST /api/exit-courses/{id}/psychologist-course': caseDecisionNotYet,
  'POST /api/exit-courses/{id}/transfer': caseDecision,
  'POST /api/exit-courses/{id}/release-plan': caseDecision,
  'POST /api/exit-courses/{id}/expected-release-date': caseDecision,
  'POST /api/exit-courses/{id}/release': caseDecisionNotYet,
  'POST /api/exit-courses/{id}/handover-redirect': caseDecisionNotYet,
  // The police exit unit decides handovers, and sees nothing before one: both prisons' cases are 404 to it.
  'POST /api/exit-courses/{id}/handover-decision': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'GET /api/handovers': all(403, { anonymous: 401, 'politi.kbh.exit': 200 }),
  // The police phase: the exit unit running the course decides; before a handover it sees neither prison's case.
  'POST /api/exit-courses/{id}/police-plan': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/exit-courses/{id}/police-review': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/exit-courses/{id}/police-course-end': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/exit-courses/{id}/reoffending-check': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  // Before the release notice: the owner's report is refused (409); the police and municipality see nothing yet.
  'POST /api/exit-courses/{id}/handover-report': caseDecisionNotYet,
  'POST /api/exit-courses/{id}/handover-view': all(403, {
    anonymous: 401,
    'kf.storstroem': [409, 404],
    'kf.ennermark': [404, 409],
    'kommune.kbh': 404,
  }),
  // Every case reader may ask; the list is scoped to the user's districts and municipalities (empty here).
  'GET /api/handovers/coming': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  // Harmless when allowed: marks one checklist item, so the owner's answer is 200.
  'POST /api/exit-courses/{id}/readiness': all(403, {
    anonymous: 401,
    'kf.storstroem': [200, 404],
    'kf.ennermark': [404, 200],
  }),
  'POST /api/persons': all(403, {
    anonymous: 401,
    'kf.storstroem': 201,
    'kf.ennermark': 201,
    'politi.kbh.exit': 201,
    'politi.kbh.dks': 201,
    'kommune.kbh': 201,
    'politi.kbh.eas': 201,
    'politi.kbh.efterforskning': 201,
  }),
  // Network councils: as for DKS, the exit-course targets are no councils (404 for those who may ask).
  'POST /api/network-councils': all(403, { anonymous: 401, 'kommune.kbh': 422 }),
  'GET /api/network-councils': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'GET /api/network-councils/{id}': all(404, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'GET /api/network-councils/{id}/family-letter': all(404, {
    anonymous: 401,
    admin: 403,
    drift: 403,
    ...NO_CASE_ROUTES,
  }),
  'POST /api/network-councils/{id}/invitations': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  'POST /api/network-councils/{id}/meeting': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  'POST /api/network-councils/{id}/agreements': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  // DKS: the targets are exit courses, so a DKS route finds no DKS case there (404) for those who may ask.
  'POST /api/dks-cases': all(403, { anonymous: 401, 'politi.kbh.dks': 422 }),
  'GET /api/dks-cases': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'GET /api/dks-cases/{id}': all(404, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'POST /api/dks-cases/{id}/assessment': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  'POST /api/dks-cases/{id}/home-visit-plan': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  'POST /api/dks-cases/{id}/home-visit': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  'POST /api/dks-cases/{id}/follow-up': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  // Refused by the workflow, so the fixture's deadline stays: an expected end in the past, a deadline not later.
  'POST /api/cases/{caseId}/steps/{stepId}/suspend': stepDeadline(422),
  'POST /api/cases/{caseId}/steps/{stepId}/resume': stepDeadline(409),
  'POST /api/cases/{caseId}/steps/{stepId}/extend': stepDeadline(422),
  'POST /api/cases/{caseId}/steps/{stepId}/missed-reason': stepDeadline(409),
  // The social services read no persons (only the youth of their home visits, in that view).
  // The investigating unit reads the persons it registered (not these prisons').
  'POST /api/persons/lookup': { ...caseRead(200, 404, 404), 'social.kbh': 403, 'politi.kbh.efterforskning': 404 },
  'GET /api/persons/{personRef}': { ...caseRead(200, 404, 404), 'social.kbh': 403, 'politi.kbh.efterforskning': 404 },
  // Every role that reads persons may search; what it finds is its own scope (person-search-case-list.e2e).
  'POST /api/persons/search': all(200, {
    anonymous: 401,
    admin: 403,
    drift: 403,
    'social.kbh': 403,
    'kf.databeskyttelse': 403,
    'politi.databeskyttelse': 403,
    'kommune.kbh.databeskyttelse': 403,
  }),
  'POST /api/codec/credential': codec,
  'DELETE /api/codec/credential': all(204),
  'POST /api/codec/decode': codec,
  // Figures: supervisors only (local ones over their unit's cases, national ones over their organisation's).
  'GET /api/reports/exit-courses': reports,
  'GET /api/reports/exit-courses/cohort': reports,
  'GET /api/reports/exit-courses/question-1903': reports,
  'GET /api/reports/ending-reasons': reports,
  'GET /api/reports/sla': reports,
  // Every case reader has the boards, scoped; the fixtures' steps are neither overdue nor due soon.
  // Names of codes only, no case data: every logged-in user.
  'GET /api/reference-data': all(200, { anonymous: 401 }),
  // The outbox's delivery state is operations' to watch.
  'GET /api/admin/notices': all(403, { anonymous: 401, drift: 200 }),
  // Cases waiting for operations (ids and error codes): operations' list and action. The fixtures are not waiting.
  'GET /api/admin/attention': all(403, { anonymous: 401, drift: 200 }),
  'POST /api/admin/attention/{caseId}/redrive': all(403, { anonymous: 401, drift: 404 }),
  'GET /api/steps/overdue': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'GET /api/steps/due-soon': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  // Responsible caseworkers: the case readers see who has a case; the target's own caseworker takes it.
  'GET /api/cases/{id}/assignment': caseRead(200, 404, 404),
  'POST /api/cases/{id}/take': all(403, {
    anonymous: 401,
    'kf.storstroem': [200, 404],
    'kf.ennermark': [404, 200],
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
  }),
  // Assigned to operations, no caseworker of the case's unit: refused (422) by those who may assign it.
  'PUT /api/cases/{id}/assignee': assignment,
  'POST /api/cases/assignments': assignment,
  'GET /api/workload': all(403, {
    anonymous: 401,
    'kf.leder.storstroem': 200,
    'politi.leder.kbh': 200,
    'kommune.leder.kbh': 200,
  }),
  'GET /api/staff': absences(200),
  'GET /api/absences': absences(200),
  // The last day before the first: refused (422), nothing recorded.
  'POST /api/absences': absences(422),
  'POST /api/absences/{id}/cancellation': absences(404),
  // The inbox: only the caseworker of the case's prison has its suitability assessment to do.
  'GET /api/steps/mine': all('hidden', {
    anonymous: 401,
    admin: 403,
    drift: 403,
    ...NO_CASE_ROUTES,
    'kf.storstroem': ['listed', 'hidden'],
    'kf.ennermark': ['hidden', 'listed'],
  }),
  // The youth figures: supervisors, over their units' (national: organisation's) youth cases.
  'GET /api/reports/youth': reports,
  // DKS outcomes and the move: DKS decides; the targets are no DKS cases (404 to it).
  'POST /api/dks-cases/{id}/case-end': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  'POST /api/dks-cases/{id}/move': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  // The social services' narrow view: only theirs; a case their municipality is not named for is 404 to them.
  'GET /api/home-visits': all(403, { anonymous: 401, 'social.kbh': 200 }),
  'POST /api/dks-cases/{id}/social-services': all(403, { anonymous: 401, 'social.kbh': 404 }),
  // Concern letters: the analysts and the police's committee member create rounds (a meeting in the past: 422),
  // the municipality's member not for a police district (403); the targets are exit courses and the round an
  // unknown one (404 to those who may ask).
  'POST /api/concern-letter-rounds': all(403, { anonymous: 401, 'politi.kbh.eas': 422, 'politi.kbh.udvalg': 422 }),
  'GET /api/concern-letter-rounds': all(200, {
    anonymous: 401,
    // The social services work no concern letters.
    'social.kbh': 403,
    'kf.storstroem': 403,
    'kf.ennermark': 403,
    admin: 403,
    drift: 403,
    ...NO_CASE_ROUTES,
  }),
  'GET /api/concern-letter-rounds/{id}': all(404, {
    anonymous: 401,
    // The social services work no concern letters.
    'social.kbh': 403,
    'kf.storstroem': 403,
    'kf.ennermark': 403,
    admin: 403,
    drift: 403,
    ...NO_CASE_ROUTES,
  }),
  'POST /api/concern-letter-rounds/{id}/candidates': all(403, {
    anonymous: 401,
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
    'politi.kbh.eas': 404,
  }),
  'GET /api/concern-letters': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'GET /api/concern-letters/{id}': all(404, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  'POST /api/concern-letters/{id}/committee-decision': all(403, {
    anonymous: 401,
    'politi.kbh.udvalg': 404,
    'kommune.kbh.udvalg': 404,
  }),
  'POST /api/concern-letters/{id}/delivery-attempt': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/concern-letters/{id}/parents-contact': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/concern-letters/{id}/follow-up': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  'POST /api/concern-letters/{id}/outcome': all(403, { anonymous: 401, 'politi.kbh.exit': 404 }),
  // Case levels and the handover at 18 (the target is an exit course: no such DKS case or council).
  'POST /api/dks-cases/{id}/case-level': all(403, { anonymous: 401, 'politi.kbh.dks': 404, 'kommune.kbh': 404 }),
  'POST /api/dks-cases/{id}/adult-handover': all(403, { anonymous: 401, 'politi.kbh.dks': 404 }),
  'POST /api/network-councils/{id}/case-level': all(403, {
    anonymous: 401,
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
  }),
  'POST /api/network-councils/{id}/adult-handover': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  'GET /api/level-one-reviews': all(200, { anonymous: 401, admin: 403, drift: 403, ...NO_CASE_ROUTES }),
  // A meeting on the earliest date reviews nothing anywhere: 409 for DKS's own district; another unit's is 403.
  'POST /api/level-one-reviews': all(403, { anonymous: 401, 'politi.kbh.dks': 409 }),
  // The police's documentation: DKS and the investigating unit send (the targets' adults are no youths they may
  // see: 422); the inbox and the sent list for the municipality, DKS and the investigators; the targets are no
  // documentation (404).
  'POST /api/police-documentation': all(403, {
    anonymous: 401,
    'politi.kbh.dks': 422,
    'politi.kbh.efterforskning': 422,
  }),
  'GET /api/police-documentation': all(403, {
    anonymous: 401,
    'politi.kbh.dks': 200,
    'kommune.kbh': 200,
    'politi.kbh.efterforskning': 200,
  }),
  'GET /api/police-documentation/{id}': all(403, {
    anonymous: 401,
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
    'politi.kbh.efterforskning': 404,
  }),
  // The council's action plan: the targets are no councils (404 for those who may ask).
  'POST /api/network-councils/{id}/meeting-plan': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  'POST /api/network-councils/{id}/initiative-follow-up': all(403, {
    anonymous: 401,
    'kf.storstroem': 404,
    'kf.ennermark': 404,
    'politi.kbh.exit': 404,
    'politi.kbh.dks': 404,
    'kommune.kbh': 404,
  }),
  'POST /api/network-councils/{id}/expected-release': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  'POST /api/network-councils/{id}/release': all(403, { anonymous: 401, 'kommune.kbh': 404 }),
  // Who read a case or a person.
  'GET /api/cases/{id}/access-log': supervisorsAndHoldersOfficer,
  'GET /api/persons/{personRef}/access-log': supervisorsAndHoldersOfficer,
  // Need to know: the national supervisors' coordination of starts against a course another unit holds.
  'GET /api/course-coordinations': all(403, { anonymous: 401, 'kf.leder.national': 200, 'politi.leder.national': 200 }),
  // A request that does not exist: 404 for those who may resolve.
  'POST /api/course-coordinations/{id}/resolve': all(403, {
    anonymous: 401,
    'kf.leder.national': 404,
    'politi.leder.national': 404,
  }),
  // Protected persons: lifting a protection the target's person does not have is refused (409) by those whose
  // unit holds the case with write access (the caseworker, the local supervisor); 404 for the rest with
  // `person:protect`; nothing changes.
  'POST /api/persons/{personRef}/protection': all(404, {
    anonymous: 401,
    'kf.storstroem': [409, 404],
    'kf.ennermark': [404, 409],
    'kf.leder.storstroem': [409, 404],
    'kf.leder.national': 403,
    'politi.leder.national': 403,
    admin: 403,
    drift: 403,
    'social.kbh': 403,
    ...NO_CASE_ROUTES,
    'politi.kbh.eas': 403,
    'politi.kbh.udvalg': 403,
    'kommune.kbh.udvalg': 403,
  }),
  // The reveal of an unprotected person: 409 for every reader of the case (the name is on the case anyway).
  // The investigating unit reads persons but no case: the case is not found for it.
  'POST /api/cases/{id}/person/reveal': {
    ...caseRead(409, 404, 404),
    'social.kbh': 403,
    'politi.kbh.efterforskning': 404,
  },
  // A person's right of access: the data-protection officers' only (access-request.e2e.spec.ts has its answers); the
  // target's id is no request.
  'POST /api/access-requests': all(403, { anonymous: 401, ...dataProtection(201) }),
  'GET /api/access-requests': all(403, { anonymous: 401, ...dataProtection(200) }),
  'GET /api/access-requests/{id}': all(403, { anonymous: 401, ...dataProtection(404) }),
  'GET /api/access-requests/{id}/export': all(403, { anonymous: 401, ...dataProtection(404) }),
  'POST /api/access-requests/{id}/access-request-decision': all(403, { anonymous: 401, ...dataProtection(404) }),
  'POST /api/access-requests/{id}/access-request-extension': all(403, { anonymous: 401, ...dataProtection(404) }),
  // Retention: the deletion lists are the data-protection officers' (an unknown list: 404); a legal hold the
  // supervisors' in their scope and the officers' of the organisation holding the case — lifting a hold the target
  // does not have is the owner's 409, nothing changes.
  'GET /api/retention-lists': all(403, { anonymous: 401, ...dataProtection(200) }),
  'POST /api/retention-lists/{id}/approval': all(403, { anonymous: 401, ...dataProtection(404) }),
  'GET /api/cases/{id}/legal-hold': supervisorsAndHoldersOfficer,
  'POST /api/cases/{id}/legal-hold': all(403, {
    anonymous: 401,
    'kf.leder.storstroem': [409, 404],
    'kf.leder.national': 409,
    'politi.leder.kbh': 404,
    'politi.leder.national': 404,
    'kommune.leder.kbh': 404,
    ...dataProtection(404),
    'kf.databeskyttelse': 409,
  }),
};

interface Fixture {
  caseId: string;
  /** A document the case's own caseworker put on it. */
  documentId: string;
  /** The exit course's first open step (its suitability assessment). */
  stepId: string;
  personRef: string;
  cpr: string;
  institutionCode: string;
  referredAt: string;
}

let sut: SystemUnderTest;
const fixtures = {} as Record<Target, Fixture>;
const clients = new Map<User, UserClient>();
let registrar: UserClient;

async function createFixture(username: string, institutionCode: string): Promise<Fixture> {
  const client = await sut.as(username);
  const cpr = await fakeCpr();
  const { body: person } = await client('POST', '/api/persons', { name: fakeName(), cpr });
  const referredAt = new Date(Date.now() - 3 * DAY_MS).toISOString();
  const { body: course } = await client('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode,
    expectedReleaseDate: '2028-01-01',
    paroleLinked: false,
    referredAt,
  });
  const form = documentForm(pdfFile('Matrix'), 'matrix.pdf', { type: 'other' });
  const { body: document } = await client('POST', `/api/cases/${course.id}/documents`, form);
  return {
    caseId: course.id,
    documentId: document.id,
    stepId: course.openSteps[0].id,
    personRef: person.personRef,
    cpr,
    institutionCode,
    referredAt,
  };
}

beforeAll(async () => {
  // Every demo user logs in twice here, all from one address.
  sut = await startSystem({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000' });
  fixtures.storstroem = await createFixture('kf.storstroem', 'KF-STORSTROEM');
  fixtures.ennermark = await createFixture('kf.ennermark', 'KF-ENNER-MARK');
  registrar = await sut.as('kf.storstroem');
  for (const user of USERS) {
    if (user === 'anonymous')
      clients.set(user, (method, url, body, headers) => http(sut.baseUrl, method, url, body, headers));
    else clients.set(user, await sut.as(user));
  }
});

afterAll(() => sut?.stop());

const userIdOf = async (username: string): Promise<string> =>
  (await sut.db.query(`SELECT id::text AS id FROM users WHERE username = $1`, [username]))[0].id;

const before = (fixture: Fixture) => new Date(Date.parse(fixture.referredAt) - DAY_MS).toISOString();

/** The request each endpoint is called with, for a target. Decisions carry facts the workflow refuses (422), so nothing changes. */
/** A round no one created: its routes answer 404 to those who may ask. */
const UNKNOWN_ROUND = '00000000-0000-4000-8000-0000000000c1';

const REQUESTS: Record<string, (user: User, target: Fixture) => Promise<[string, string, unknown?]>> = {
  'GET /api/health': async () => ['GET', '/api/health'],
  'GET /api/health/live': async () => ['GET', '/api/health/live'],
  'GET /api/health/ready': async () => ['GET', '/api/health/ready'],
  'POST /api/auth/login': async (user) => [
    'POST',
    '/api/auth/login',
    { username: user === 'anonymous' ? 'ukendt.bruger' : user, password: DEMO_SECRETS.demoUserPassword },
  ],
  'GET /api/auth/me': async () => ['GET', '/api/auth/me'],
  'GET /api/admin/users': async () => ['GET', '/api/admin/users'],
  'PATCH /api/admin/users/{id}': async () => {
    const [caseworker] = await sut.db.query(`SELECT id FROM users WHERE username = 'kf.storstroem'`);
    return ['PATCH', `/api/admin/users/${caseworker.id}`, { role: 'dks_officer' }];
  },
  'GET /api/admin/units': async () => ['GET', '/api/admin/units'],
  'POST /api/admin/units': async () => [
    'POST',
    '/api/admin/units',
    { code: 'KF-MATRIX', name: '', kind: 'institution' },
  ],
  'PATCH /api/admin/units/{code}': async () => ['PATCH', '/api/admin/units/KF-MATRIX-FINDES-IKKE', { name: 'Matrix' }],
  'POST /api/exit-courses': async (user, target) => {
    // A caseworker starts courses for persons its own unit registered; others are refused before that matters.
    const register = user === 'kf.ennermark' ? clients.get(user)! : registrar;
    const { body } = await register('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    return [
      'POST',
      '/api/exit-courses',
      {
        personRef: body.personRef,
        institutionCode: target.institutionCode,
        expectedReleaseDate: '2028-01-01',
        paroleLinked: false,
      },
    ];
  },
  'POST /api/exit-courses/outside-prison': async () => ['POST', '/api/exit-courses/outside-prison', {}],
  // Filtered to the target's person: other suites' courses in the shared database never push it off the page.
  'GET /api/exit-courses': async (_user, target) => [
    'GET',
    `/api/exit-courses?personRef=${target.personRef}&pageSize=100`,
  ],
  'GET /api/cases': async (_user, target) => ['GET', `/api/cases?personRef=${target.personRef}&pageSize=100`],
  'POST /api/persons/search': async () => ['POST', '/api/persons/search', { name: 'Matrix' }],
  'GET /api/exit-courses/{id}': async (_user, target) => ['GET', `/api/exit-courses/${target.caseId}`],
  'GET /api/exit-courses/{id}/history': async (_user, target) => ['GET', `/api/exit-courses/${target.caseId}/history`],
  'GET /api/cases/{id}/notes': async (_user, target) => ['GET', `/api/cases/${target.caseId}/notes`],
  'POST /api/cases/{id}/notes': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/notes`,
    { kind: 'other', occurredAt: target.referredAt, text: 'Matrix', correctsNoteId: randomUUID() },
  ],
  'GET /api/cases/{id}/documents': async (_user, target) => ['GET', `/api/cases/${target.caseId}/documents`],
  'POST /api/cases/{id}/documents': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/documents`,
    { type: 'other' },
  ],
  'GET /api/cases/{id}/documents/{documentId}': async (_user, target) => [
    'GET',
    `/api/cases/${target.caseId}/documents/${target.documentId}`,
  ],
  'POST /api/exit-courses/{id}/suitability-assessment': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/suitability-assessment`,
    { outcome: 'offer', decidedAt: before(target) },
  ],
  'POST /api/exit-courses/{id}/interruption': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/interruption`,
    { by: 'inmate', reason: 'Matrix', interruptedAt: before(target) },
  ],
  'POST /api/exit-courses/{id}/assessment-inputs': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/assessment-inputs`,
    { party: 'police', summary: 'Matrix', recordedAt: before(target) },
  ],
  'POST /api/exit-courses/{id}/agreement-signed': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/agreement-signed`,
    {},
  ],
  'POST /api/exit-courses/{id}/mentor': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/mentor`,
    { mentorRef: 'MENTOR-0001' },
  ],
  'POST /api/exit-courses/{id}/mentor-contacts': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/mentor-contacts`,
    { contactAt: new Date().toISOString(), form: 'meeting', durationMinutes: 30 },
  ],
  'GET /api/exit-courses/{id}/mentor-contacts': async (_user, target) => [
    'GET',
    `/api/exit-courses/${target.caseId}/mentor-contacts`,
  ],
  'POST /api/exit-courses/{id}/psychologist-course': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/psychologist-course`,
    { event: 'ended' },
  ],
  // Refused by the workflow (422): a unit that is no institution, and a police district that is a municipality.
  'POST /api/exit-courses/{id}/transfer': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/transfer`,
    { toInstitutionCode: 'POL-KBH' },
  ],
  'POST /api/exit-courses/{id}/release-plan': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/release-plan`,
    { municipalityCode: 'KOM-0101', policeDistrictCode: 'KOM-0101' },
  ],
  'POST /api/exit-courses/{id}/expected-release-date': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/expected-release-date`,
    { expectedReleaseDate: '2020-01-01', reason: 'Matrix' },
  ],
  'POST /api/exit-courses/{id}/readiness': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/readiness`,
    { item: 'housing', ready: true },
  ],
  'POST /api/exit-courses/{id}/release': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/release`,
    {},
  ],
  'POST /api/exit-courses/{id}/handover-redirect': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/handover-redirect`,
    { policeDistrictCode: 'POL-FYN' },
  ],
  'POST /api/exit-courses/{id}/handover-decision': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/handover-decision`,
    { decision: 'accept', continuation: 'with_municipality' },
  ],
  'GET /api/handovers': async () => ['GET', '/api/handovers'],
  'POST /api/exit-courses/{id}/police-plan': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/police-plan`,
    { summary: 'Matrix', runBy: 'police_with_municipality' },
  ],
  'POST /api/exit-courses/{id}/police-review': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/police-review`,
    { summary: 'Matrix' },
  ],
  'POST /api/exit-courses/{id}/police-course-end': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/police-course-end`,
    { outcome: 'completed', reasonCode: 'goals_reached' },
  ],
  'POST /api/exit-courses/{id}/reoffending-check': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/reoffending-check`,
    { reoffended: false },
  ],
  'GET /api/handovers/coming': async () => ['GET', '/api/handovers/coming'],
  'POST /api/exit-courses/{id}/handover-report': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/handover-report`,
    {
      plan: 'Matrix',
      planStatus: 'on_track',
      housingOwner: 'municipality',
      incomeOwner: 'municipality',
      jobOrEducationPlanOwner: 'person',
      mentorContinuityOwner: 'police',
      riskAssessment: 'Matrix',
      extendedAddressProtection: false,
      contactName: 'Matrix',
      contactPhone: '70 00 00 00',
    },
  ],
  'POST /api/exit-courses/{id}/handover-view': async (_user, target) => [
    'POST',
    `/api/exit-courses/${target.caseId}/handover-view`,
    { recommendation: 'continue', view: 'Matrix' },
  ],
  // An adult registered by a prison: not visible to DKS, so refused as unregistered (422).
  'POST /api/dks-cases': async (_user, target) => [
    'POST',
    '/api/dks-cases',
    {
      personRef: target.personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'charged',
      triggeredAt: new Date().toISOString(),
    },
  ],
  'GET /api/dks-cases': async () => ['GET', '/api/dks-cases'],
  'GET /api/dks-cases/{id}': async (_user, target) => ['GET', `/api/dks-cases/${target.caseId}`],
  'POST /api/dks-cases/{id}/assessment': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/assessment`,
    { concernConversation: true, reason: 'Matrix' },
  ],
  'POST /api/dks-cases/{id}/home-visit-plan': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/home-visit-plan`,
    { plannedFor: new Date().toISOString() },
  ],
  'POST /api/dks-cases/{id}/home-visit': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/home-visit`,
    { withSocialServices: true, initiatives: 'Matrix' },
  ],
  'POST /api/dks-cases/{id}/follow-up': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/follow-up`,
    { findings: 'Matrix' },
  ],
  'POST /api/network-councils': async (_user, target) => [
    'POST',
    '/api/network-councils',
    {
      personRef: target.personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: new Date().toISOString(),
    },
  ],
  'GET /api/network-councils': async () => ['GET', '/api/network-councils'],
  'GET /api/network-councils/{id}': async (_user, target) => ['GET', `/api/network-councils/${target.caseId}`],
  'GET /api/network-councils/{id}/family-letter': async (_user, target) => [
    'GET',
    `/api/network-councils/${target.caseId}/family-letter`,
  ],
  'POST /api/cases/{caseId}/steps/{stepId}/suspend': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/steps/${target.stepId}/suspend`,
    { reason: 'other', note: 'Matrix', expectedUntil: before(target) },
  ],
  'POST /api/cases/{caseId}/steps/{stepId}/resume': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/steps/${target.stepId}/resume`,
    {},
  ],
  'POST /api/cases/{caseId}/steps/{stepId}/extend': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/steps/${target.stepId}/extend`,
    { reason: 'other', note: 'Matrix', dueAt: before(target) },
  ],
  'POST /api/cases/{caseId}/steps/{stepId}/missed-reason': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/steps/${target.stepId}/missed-reason`,
    { reason: 'other', note: 'Matrix' },
  ],
  'POST /api/network-councils/{id}/invitations': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/invitations`,
    { participants: [{ role: 'youth' }] },
  ],
  'POST /api/network-councils/{id}/meeting': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/meeting`,
    {},
  ],
  'POST /api/network-councils/{id}/agreements': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/agreements`,
    {
      agreements: [
        {
          kind: 'mentor_support',
          description: 'Matrix',
          ownerOrganisation: 'kommune',
          ownerUnit: 'KOM-0101',
          dueDate: '2027-06-30',
        },
      ],
    },
  ],
  'POST /api/persons': async () => ['POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() }],
  'POST /api/persons/lookup': async (_user, target) => ['POST', '/api/persons/lookup', { cpr: target.cpr }],
  'GET /api/persons/{personRef}': async (_user, target) => ['GET', `/api/persons/${target.personRef}`],
  'POST /api/codec/credential': async () => ['POST', '/api/codec/credential'],
  'DELETE /api/codec/credential': async () => ['DELETE', '/api/codec/credential'],
  'POST /api/codec/decode': async () => ['POST', '/api/codec/decode', { payloads: [] }],
  'GET /api/reports/exit-courses': async () => ['GET', '/api/reports/exit-courses?from=2026-01-01&to=2026-12-31'],
  'GET /api/reports/exit-courses/cohort': async () => [
    'GET',
    '/api/reports/exit-courses/cohort?from=2026-01-01&to=2026-12-31&asOf=2026-12-31',
  ],
  'GET /api/reports/exit-courses/question-1903': async () => [
    'GET',
    '/api/reports/exit-courses/question-1903?from=2026-01-01&to=2026-12-31&asOf=2026-12-31',
  ],
  'GET /api/reports/ending-reasons': async () => ['GET', '/api/reports/ending-reasons?from=2026-01-01&to=2026-12-31'],
  'GET /api/reports/sla': async () => ['GET', '/api/reports/sla?from=2026-01-01&to=2026-12-31'],
  'GET /api/reference-data': async () => ['GET', '/api/reference-data'],
  'GET /api/admin/notices': async () => ['GET', '/api/admin/notices'],
  'GET /api/admin/attention': async () => ['GET', '/api/admin/attention'],
  'POST /api/admin/attention/{caseId}/redrive': async (_user, target) => [
    'POST',
    `/api/admin/attention/${target.caseId}/redrive`,
    {},
  ],
  'GET /api/cases/{id}/assignment': async (_user, target) => ['GET', `/api/cases/${target.caseId}/assignment`],
  'POST /api/cases/{id}/take': async (_user, target) => ['POST', `/api/cases/${target.caseId}/take`, {}],
  'PUT /api/cases/{id}/assignee': async (_user, target) => [
    'PUT',
    `/api/cases/${target.caseId}/assignee`,
    { assigneeId: await userIdOf('drift') },
  ],
  'POST /api/cases/assignments': async (_user, target) => [
    'POST',
    '/api/cases/assignments',
    { caseIds: [target.caseId], assigneeId: await userIdOf('drift') },
  ],
  'GET /api/workload': async () => ['GET', '/api/workload'],
  'GET /api/staff': async () => ['GET', '/api/staff'],
  'GET /api/absences': async () => ['GET', '/api/absences'],
  'POST /api/absences': async () => [
    'POST',
    '/api/absences',
    { from: '2030-01-02', to: '2030-01-01', substituteId: await userIdOf('drift') },
  ],
  'POST /api/absences/{id}/cancellation': async () => [
    'POST',
    '/api/absences/00000000-0000-4000-8000-000000000000/cancellation',
    {},
  ],
  'GET /api/steps/overdue': async () => ['GET', '/api/steps/overdue'],
  'GET /api/steps/due-soon': async () => ['GET', '/api/steps/due-soon'],
  'GET /api/steps/mine': async () => [
    'GET',
    '/api/steps/mine?caseType=exit_course&kind=suitability_assessment&sort=dueAt&pageSize=100',
  ],
  'GET /api/reports/youth': async () => ['GET', '/api/reports/youth?from=2026-01&to=2026-12'],
  'POST /api/dks-cases/{id}/case-end': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/case-end`,
    { outcome: 'existing_action_plan', reasonCode: 'municipal_action_plan' },
  ],
  'POST /api/dks-cases/{id}/move': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/move`,
    { toPoliceDistrictCode: 'POL-FYN' },
  ],
  'GET /api/home-visits': async () => ['GET', '/api/home-visits'],
  'POST /api/dks-cases/{id}/social-services': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/social-services`,
    { participates: true },
  ],
  'POST /api/concern-letter-rounds': async () => [
    'POST',
    '/api/concern-letter-rounds',
    { policeDistrictCode: 'POL-KBH', meetingDate: '2020-01-01' },
  ],
  'GET /api/concern-letter-rounds': async () => ['GET', '/api/concern-letter-rounds'],
  'GET /api/concern-letter-rounds/{id}': async () => ['GET', `/api/concern-letter-rounds/${UNKNOWN_ROUND}`],
  'POST /api/concern-letter-rounds/{id}/candidates': async (_user, target) => [
    'POST',
    `/api/concern-letter-rounds/${UNKNOWN_ROUND}/candidates`,
    { personRef: target.personRef, proposedBy: 'ssp', municipalityCode: 'KOM-0101' },
  ],
  'GET /api/concern-letters': async () => ['GET', '/api/concern-letters'],
  'GET /api/concern-letters/{id}': async (_user, target) => ['GET', `/api/concern-letters/${target.caseId}`],
  'POST /api/concern-letters/{id}/committee-decision': async (_user, target) => [
    'POST',
    `/api/concern-letters/${target.caseId}/committee-decision`,
    { decision: 'send', participants: ['eas', 'ssp'], reason: 'Matrix' },
  ],
  'POST /api/concern-letters/{id}/delivery-attempt': async (_user, target) => [
    'POST',
    `/api/concern-letters/${target.caseId}/delivery-attempt`,
    { result: 'delivered_dialogue' },
  ],
  'POST /api/concern-letters/{id}/parents-contact': async (_user, target) => [
    'POST',
    `/api/concern-letters/${target.caseId}/parents-contact`,
    { reached: true, note: 'Matrix' },
  ],
  'POST /api/concern-letters/{id}/follow-up': async (_user, target) => [
    'POST',
    `/api/concern-letters/${target.caseId}/follow-up`,
    { findings: 'Matrix' },
  ],
  'POST /api/concern-letters/{id}/outcome': async (_user, target) => [
    'POST',
    `/api/concern-letters/${target.caseId}/outcome`,
    { outcome: 'no_dialogue' },
  ],
  'POST /api/dks-cases/{id}/case-level': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/case-level`,
    { level: '1' },
  ],
  'POST /api/dks-cases/{id}/adult-handover': async (_user, target) => [
    'POST',
    `/api/dks-cases/${target.caseId}/adult-handover`,
    { handedOver: true, municipalityCode: 'KOM-0101', reason: 'Matrix' },
  ],
  'POST /api/network-councils/{id}/case-level': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/case-level`,
    { level: '1' },
  ],
  'POST /api/network-councils/{id}/adult-handover': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/adult-handover`,
    { handedOver: true, municipalityCode: 'KOM-0101', reason: 'Matrix' },
  ],
  'GET /api/level-one-reviews': async () => ['GET', '/api/level-one-reviews'],
  'POST /api/level-one-reviews': async () => [
    'POST',
    '/api/level-one-reviews',
    { unit: 'POL-KBH', meetingDate: '2000-01-01' },
  ],
  'POST /api/police-documentation': async (_user, target) => [
    'POST',
    '/api/police-documentation',
    {
      personRef: target.personRef,
      policeDistrictCode: 'POL-KBH',
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      offence: 'Matrix',
    },
  ],
  'GET /api/police-documentation': async () => ['GET', '/api/police-documentation'],
  'GET /api/police-documentation/{id}': async (_user, target) => ['GET', `/api/police-documentation/${target.caseId}`],
  'POST /api/network-councils/{id}/meeting-plan': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/meeting-plan`,
    { plannedFor: target.referredAt },
  ],
  'POST /api/network-councils/{id}/initiative-follow-up': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/initiative-follow-up`,
    { initiativeId: target.caseId, outcome: 'done', note: 'Matrix' },
  ],
  'POST /api/network-councils/{id}/expected-release': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/expected-release`,
    { expectedReleaseDate: '2027-06-30' },
  ],
  'POST /api/network-councils/{id}/release': async (_user, target) => [
    'POST',
    `/api/network-councils/${target.caseId}/release`,
    {},
  ],
  'GET /api/cases/{id}/access-log': async (_user, target) => ['GET', `/api/cases/${target.caseId}/access-log`],
  'GET /api/persons/{personRef}/access-log': async (_user, target) => [
    'GET',
    `/api/persons/${target.personRef}/access-log`,
  ],
  'GET /api/course-coordinations': async () => ['GET', '/api/course-coordinations'],
  'POST /api/course-coordinations/{id}/resolve': async () => [
    'POST',
    `/api/course-coordinations/${randomUUID()}/resolve`,
  ],
  'POST /api/persons/{personRef}/protection': async (_user, target) => [
    'POST',
    `/api/persons/${target.personRef}/protection`,
    { protected: false, reason: 'protection_ended' },
  ],
  'POST /api/cases/{id}/person/reveal': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/person/reveal`,
    { reason: 'case_work' },
  ],
  'POST /api/access-requests': async (_user, target) => [
    'POST',
    '/api/access-requests',
    { cpr: target.cpr, channel: 'letter' },
  ],
  'GET /api/access-requests': async () => ['GET', '/api/access-requests'],
  'GET /api/access-requests/{id}': async (_user, target) => ['GET', `/api/access-requests/${target.caseId}`],
  'GET /api/access-requests/{id}/export': async (_user, target) => [
    'GET',
    `/api/access-requests/${target.caseId}/export?format=pdf`,
  ],
  'POST /api/access-requests/{id}/access-request-decision': async (_user, target) => [
    'POST',
    `/api/access-requests/${target.caseId}/access-request-decision`,
    { outcome: 'answered' },
  ],
  'POST /api/access-requests/{id}/access-request-extension': async (_user, target) => [
    'POST',
    `/api/access-requests/${target.caseId}/access-request-extension`,
    { months: 1, reason: 'Matrix.' },
  ],
  'GET /api/retention-lists': async () => ['GET', '/api/retention-lists'],
  'POST /api/retention-lists/{id}/approval': async () => [
    'POST',
    '/api/retention-lists/00000000-0000-4000-8000-000000000000/approval',
  ],
  'GET /api/cases/{id}/legal-hold': async (_user, target) => ['GET', `/api/cases/${target.caseId}/legal-hold`],
  'POST /api/cases/{id}/legal-hold': async (_user, target) => [
    'POST',
    `/api/cases/${target.caseId}/legal-hold`,
    { held: false, reason: 'Matrix' },
  ],
};

/** Lists whose answer says whether the target case is in them, and the field naming the case. */
const LISTS: Record<string, 'id' | 'caseId'> = {
  'GET /api/exit-courses': 'id',
  'GET /api/cases': 'id',
  'GET /api/steps/mine': 'caseId',
};

function outcome(endpoint: string, answer: HttpAnswer, target: Fixture): Expected {
  const field = LISTS[endpoint];
  if (!field || answer.status !== 200) return answer.status;
  return answer.body.items.some((item: Record<string, string>) => item[field] === target.caseId) ? 'listed' : 'hidden';
}

describe('authorization matrix', () => {
  it('has a row for every route of the API, and no row for a route it lacks', async () => {
    const spec = await http(sut.baseUrl, 'GET', '/api/docs-json');
    const routes = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(Object.keys(MATRIX).sort()).toEqual(routes.sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(routes.sort());
  });

  const cells = Object.entries(MATRIX).flatMap(([endpoint, row]) =>
    USERS.flatMap((user) =>
      (['storstroem', 'ennermark'] as const).map((target, index) => {
        const expected = row[user];
        return [endpoint, user, target, Array.isArray(expected) ? expected[index] : expected] as const;
      }),
    ),
  );

  it.each(cells)('%s as %s on the %s target → %s', async (endpoint, user, target, expected) => {
    const [method, url, body] = await REQUESTS[endpoint](user, fixtures[target]);
    const answer = await clients.get(user)!(method, url, body);
    expect(outcome(endpoint, answer, fixtures[target])).toBe(expected);
  });
});

describe('after a prison transfer (access rows as the transfer will write them)', () => {
  it('gives the receiving prison the case and leaves the sending prison read-only history', async () => {
    const moved = await createFixture('kf.storstroem', 'KF-STORSTROEM');
    await sut.db.query(`UPDATE case_access SET access = 'read' WHERE case_id = $1 AND org_unit = 'KF-STORSTROEM'`, [
      moved.caseId,
    ]);
    await sut.db.query(
      `INSERT INTO case_access (case_id, org_unit, organisation, access) VALUES ($1, 'KF-ENNER-MARK', 'kriminalforsorgen', 'write')`,
      [moved.caseId],
    );
    const sending = clients.get('kf.storstroem')!;
    const receiving = clients.get('kf.ennermark')!;
    const decision = { outcome: 'offer', decidedAt: before(moved) };

    expect((await sending('GET', `/api/exit-courses/${moved.caseId}`)).status).toBe(200);
    expect((await sending('GET', `/api/exit-courses/${moved.caseId}/history`)).status).toBe(200);
    const refused = await sending('POST', `/api/exit-courses/${moved.caseId}/suitability-assessment`, decision);
    expect([refused.status, refused.body]).toEqual([
      403,
      { code: 'FORBIDDEN', message: 'Din enhed har kun læseadgang til denne sag.', details: null },
    ]);
    expect((await receiving('GET', `/api/exit-courses/${moved.caseId}`)).status).toBe(200);
    // Allowed to decide: the workflow's own validator answers (the fact is dated before the referral).
    expect((await receiving('POST', `/api/exit-courses/${moved.caseId}/suitability-assessment`, decision)).status).toBe(
      422,
    );
    const list = await receiving('GET', `/api/exit-courses?personRef=${moved.personRef}&pageSize=100`);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(moved.caseId);
  });
});
