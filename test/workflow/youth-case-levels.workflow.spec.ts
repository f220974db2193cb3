import {
  addCalendarDays,
  danishDateOf,
  formatLocalDate,
  parseLocalDate,
  startOfDanishDay,
  type LocalDate,
} from '../../libs/domain/time/copenhagen-calendar';
import type { StartDksCaseInput } from '../../libs/domain/youth/dks-case.types';
import type { StartNetworkCouncilInput } from '../../libs/domain/youth/network-council.types';
import {
  decideAdultHandoverUpdate,
  recordLevelOneReviewUpdate,
  setCaseLevelUpdate,
  youthCaseStateQuery,
} from '../../workflows/case/case-level.messages';
import { dksReadModelSyncedUpdate, recordDksAssessmentUpdate } from '../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../workflows/dks-case/dks-case.workflow';
import {
  councilReadModelSyncedUpdate,
  recordCouncilAgreementsUpdate,
  recordCouncilMeetingUpdate,
  recordInitiativeFollowUpUpdate,
  recordInvitationsUpdate,
} from '../../workflows/network-council/network-council.messages';
import {
  NETWORK_COUNCIL_WORKFLOW_ID_PREFIX,
  networkCouncilWorkflow,
} from '../../workflows/network-council/network-council.workflow';
import { DKS_OFFICER, dksInput } from '../support/dks-case-fixtures';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { networkCouncilInput, owned } from '../support/network-council-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const MINUTE_MS = 60_000;
const CASEWORKER = { id: 'user-kommune-kbh' };

/** The end of the Danish calendar month `date` lies in (the start of the next month's first day). */
const endOfMonth = (date: LocalDate) =>
  startOfDanishDay({ year: date.month === 12 ? date.year + 1 : date.year, month: (date.month % 12) + 1, day: 1 });
/** The birth date of a youth who turns 18 `days` Danish calendar days after `from`. */
const turning18In = (days: number, from: Date) => {
  const birthday = addCalendarDays(danishDateOf(from), days);
  return { birthday, birthDate: formatLocalDate({ ...birthday, year: birthday.year - 18 }) };
};
const iso = (date: Date) => date.toISOString();

describe('youth cases: the level, the monthly level-1 review and the handover at 18', () => {
  describe('on a DKS case', () => {
    const harness = useWorkflowTestHarness('youth-levels-dks-test', 'dks-case');
    const sleepUntil = async (moment: Date) => {
      const ms = moment.getTime() - (await harness.now()).getTime();
      if (ms > 0) await harness.env.sleep(ms);
    };
    const start = (input: StartDksCaseInput) =>
      harness.startSynced(
        dksCaseWorkflow,
        `${DKS_CASE_WORKFLOW_ID_PREFIX}${input.caseId}`,
        dksReadModelSyncedUpdate,
        input,
      );

    it('sets level 1 at the assessment, has the review due at the month’s end, re-opens it after the meeting, hands over at 18 and cancels the review on leaving level 1', async () => {
      const startedAt = await harness.now();
      const { birthday, birthDate } = turning18In(3, startedAt);
      const input = { ...dksInput(startedAt), birthDate };
      const handle = await start(input);

      await handle.executeUpdate(recordDksAssessmentUpdate, {
        args: [
          {
            concernConversation: true,
            reason: 'Bekymrende adfærd omkring skolen',
            decidedAt: iso(startedAt),
            caseLevel: 1,
            actor: DKS_OFFICER,
          },
        ],
      });
      const assessed = await handle.query(youthCaseStateQuery);
      const firstDue = endOfMonth(danishDateOf(startedAt));
      expect(assessed).toEqual({
        closed: false,
        caseLevel: 1,
        lastLevelOneReviewOn: null,
        steps: [{ kind: 'level_one_review', status: 'open', openedAt: iso(startedAt), dueAt: iso(firstDue) }],
      });
      await handle.executeUpdate(dksReadModelSyncedUpdate);
      const [row] = await harness.db.query(`SELECT case_level FROM cases WHERE id = $1`, [input.caseId]);
      expect(row).toEqual({ case_level: 1 });

      // The 18th birthday: the handover step opens at the start of that Danish day, due 14 days later.
      const birthdayStart = startOfDanishDay(birthday);
      await sleepUntil(new Date(birthdayStart.getTime() + MINUTE_MS));
      const handoverDue = startOfDanishDay(addCalendarDays(birthday, 15));
      expect((await handle.query(youthCaseStateQuery)).steps).toContainEqual({
        kind: 'adult_handover',
        status: 'open',
        openedAt: iso(birthdayStart),
        dueAt: iso(handoverDue),
      });
      await sleepUntil(new Date(handoverDue.getTime() + MINUTE_MS));
      await handle.executeUpdate(dksReadModelSyncedUpdate);
      const [handoverStep] = await harness.db.query(
        `SELECT status, overdue_at IS NOT NULL AS overdue FROM steps WHERE case_id = $1 AND kind = 'adult_handover'`,
        [input.caseId],
      );
      expect(handoverStep).toEqual({ status: 'open', overdue: true });

      const decidedAt = iso(await harness.now());
      const withoutReason = await refusalOf(
        handle.executeUpdate(decideAdultHandoverUpdate, {
          args: [{ handedOver: true, municipalityCode: 'KOM-0101', reason: ' ', decidedAt, actor: DKS_OFFICER }],
        }),
      );
      expect(withoutReason).toEqual({
        type: 'InvalidDomainData',
        message: 'Beslutningen om overdragelse skal have en begrundelse.',
      });
      await handle.executeUpdate(decideAdultHandoverUpdate, {
        args: [
          { handedOver: true, municipalityCode: 'KOM-0101', reason: 'SSP+ overtager', decidedAt, actor: DKS_OFFICER },
        ],
      });
      expect((await handle.query(youthCaseStateQuery)).steps.find((s) => s.kind === 'adult_handover')?.status).toBe(
        'completed',
      );

      // The month ends without a meeting: the review is overdue.
      await sleepUntil(new Date(firstDue.getTime() + MINUTE_MS));
      await handle.executeUpdate(dksReadModelSyncedUpdate);
      const [overdueReview] = await harness.db.query(
        `SELECT overdue_at IS NOT NULL AS overdue FROM steps WHERE case_id = $1 AND kind = 'level_one_review'`,
        [input.caseId],
      );
      expect(overdueReview).toEqual({ overdue: true });

      const meetingDate = formatLocalDate(danishDateOf(await harness.now()));
      await handle.executeUpdate(recordLevelOneReviewUpdate, { args: [{ meetingDate, actor: DKS_OFFICER }] });
      const reviewed = await handle.query(youthCaseStateQuery);
      const reviews = reviewed.steps.filter((step) => step.kind === 'level_one_review');
      // Held in the month after the one due: that month's meeting is the next one.
      expect(reviews.map((step) => [step.status, step.dueAt])).toEqual([
        ['completed', iso(firstDue)],
        ['open', iso(endOfMonth(parseLocalDate(meetingDate)!))],
      ]);
      expect(reviewed.lastLevelOneReviewOn).toBe(meetingDate);
      const again = await refusalOf(
        handle.executeUpdate(recordLevelOneReviewUpdate, { args: [{ meetingDate, actor: DKS_OFFICER }] }),
      );
      expect(again.type).toBe('IllegalTransition');
      expect(again.message).toMatch(/^Sagen er allerede gennemgået på koordinationsmødet den \d\d\.\d\d\.\d{4}\.$/);

      const noReason = await refusalOf(
        handle.executeUpdate(setCaseLevelUpdate, { args: [{ level: 2, reason: '', actor: DKS_OFFICER }] }),
      );
      expect(noReason).toEqual({
        type: 'InvalidDomainData',
        message: 'En ændring af niveauet skal have en begrundelse.',
      });
      await handle.executeUpdate(setCaseLevelUpdate, {
        args: [{ level: 2, reason: 'Sigtet for tyveri', actor: DKS_OFFICER }],
      });
      const leftLevelOne = await handle.query(youthCaseStateQuery);
      expect(leftLevelOne.caseLevel).toBe(2);
      expect(leftLevelOne.steps.filter((step) => step.status === 'open')).toEqual([]);
      await handle.executeUpdate(dksReadModelSyncedUpdate);
      const events = await harness.db.query(
        `SELECT action, details, reason FROM case_events WHERE case_id = $1 AND action IN ('case_level_set', 'level_one_reviewed', 'adult_handover_decided') ORDER BY transition_seq, position`,
        [input.caseId],
      );
      expect(events).toEqual([
        { action: 'case_level_set', details: { level: 1, previousLevel: null }, reason: null },
        {
          action: 'adult_handover_decided',
          details: { handedOver: true, municipalityCode: 'KOM-0101' },
          reason: 'SSP+ overtager',
        },
        { action: 'level_one_reviewed', details: { meetingDate }, reason: null },
        { action: 'case_level_set', details: { level: 2, previousLevel: 1 }, reason: 'Sigtet for tyveri' },
      ]);
      const [stored] = await harness.db.query(`SELECT case_level FROM cases WHERE id = $1`, [input.caseId]);
      expect(stored).toEqual({ case_level: 2 });
      await harness.recordHistory('level-one-reviewed', handle.workflowId);
    });

    it('opens no handover step for a case started without a birth date (before the patch), and none while under 18', async () => {
      const startedAt = await harness.now();
      const handle = await start(dksInput(startedAt));
      const { birthDate } = turning18In(40, startedAt);
      const young = await start({ ...dksInput(startedAt), birthDate });
      await harness.env.sleep(20 * 24 * 3600_000);
      expect((await handle.query(youthCaseStateQuery)).steps).toEqual([]);
      expect((await young.query(youthCaseStateQuery)).steps).toEqual([]);
    });
  });

  describe('on a network council', () => {
    const harness = useWorkflowTestHarness('youth-levels-council-test', 'network-council');
    const start = (input: StartNetworkCouncilInput) =>
      harness.startSynced(
        networkCouncilWorkflow,
        `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
        councilReadModelSyncedUpdate,
        input,
      );

    it('opens the handover at once for a youth already 18, sets level 1 on the council, and cancels both steps when the council ends', async () => {
      const receivedAt = await harness.now();
      const { birthday, birthDate } = turning18In(-1, receivedAt);
      const input = { ...networkCouncilInput(receivedAt, CASEWORKER), birthDate };
      const handle = await start(input);
      const opened = await handle.query(youthCaseStateQuery);
      expect(opened.steps).toEqual([
        {
          kind: 'adult_handover',
          status: 'open',
          openedAt: iso(startOfDanishDay(birthday)),
          dueAt: iso(startOfDanishDay(addCalendarDays(birthday, 14 + 1))),
        },
      ]);
      const early = await refusalOf(
        handle.executeUpdate(recordLevelOneReviewUpdate, {
          args: [{ meetingDate: formatLocalDate(danishDateOf(receivedAt)), actor: CASEWORKER }],
        }),
      );
      expect(early).toEqual({
        type: 'IllegalTransition',
        message: 'Sagen er ikke en niveau 1-sag, der venter på koordinationsmødet.',
      });
      await handle.executeUpdate(setCaseLevelUpdate, { args: [{ level: 1, reason: '', actor: CASEWORKER }] });
      expect((await handle.query(youthCaseStateQuery)).steps.map((step) => [step.kind, step.status])).toEqual([
        ['adult_handover', 'open'],
        ['level_one_review', 'open'],
      ]);

      const at = iso(await harness.now());
      await handle.executeUpdate(recordInvitationsUpdate, {
        args: [{ invitedAt: at, participants: [{ role: 'youth' }], actor: CASEWORKER }],
      });
      await handle.executeUpdate(recordCouncilMeetingUpdate, { args: [{ heldAt: at, actor: CASEWORKER }] });
      const running = await handle.executeUpdate(recordCouncilAgreementsUpdate, {
        args: [
          {
            agreedAt: at,
            agreements: [{ kind: 'mentor_support', description: 'Mentor', ...owned('KOM-0101', danishDateInDays(30)) }],
            actor: CASEWORKER,
          },
        ],
      });
      // The council ends with its action plan's last follow-up (the council-action-plan patch).
      await handle.executeUpdate(recordInitiativeFollowUpUpdate, {
        args: [
          {
            initiativeId: running.initiatives![0].initiativeId,
            outcome: 'done',
            note: 'Mentor fundet.',
            followedUpAt: at,
            actor: CASEWORKER,
          },
        ],
      });
      await handle.result();
      const steps = await harness.db.query(
        `SELECT kind, status, completed_at FROM steps WHERE case_id = $1 AND kind IN ('adult_handover', 'level_one_review') ORDER BY kind`,
        [input.caseId],
      );
      expect(steps).toEqual([
        { kind: 'adult_handover', status: 'cancelled', completed_at: new Date(at) },
        { kind: 'level_one_review', status: 'cancelled', completed_at: new Date(at) },
      ]);
      await harness.recordHistory('adult-handover', handle.workflowId);
    });
  });
});
