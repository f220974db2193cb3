/**
 * Every `patched()` id the workflows use, with why it exists and the recorded histories that replay each
 * of its branches (test/replay/histories). A workflow imports its id from here; the replay suite fails
 * when a `patched()` call names an id that is not registered here, or when a history listed here does not
 * take the branch it is listed for.
 *
 * Deprecating one (Temporal's v2 → `deprecatePatch` → vFinal): once no run that started before the patch
 * can still be open or be replayed (every such case closed, and past the namespace's retention), replace
 * `patched(id)` by `deprecatePatch(id)` and drop the old branch; once no run that started before the
 * deprecation is open, drop the call and this entry.
 */
export interface PatchRecord {
  /** The id `patched()` records in the history: never change it. */
  readonly id: string;
  /** The day the change was made. */
  readonly since: string;
  readonly reason: string;
  /** Histories recorded with the change (they take the new branch). */
  readonly newBranch: readonly string[];
  /** Histories of the same workflow types recorded before it (no marker: they replay without the change). */
  readonly oldBranch: readonly string[];
  /** When `deprecatePatch` may replace it. */
  readonly deprecateWhen: string;
}

/** The DKS and council histories recorded before case levels and the 18+ handover (no marker of either). */
const YOUTH_CASE_HISTORIES_BEFORE_LEVELS = [
  'dks-case.deadline-notices',
  'dks-case.followed-up',
  'dks-case.home-visit-planning',
  'dks-case.late-assessment',
  'network-council.agreements-made',
  'network-council.agreements-made-with-warning',
] as const;

export const PATCHES = {
  releasePreparation: {
    id: 'release-preparation',
    since: '2026-11-24',
    reason: 'Every exit course arms a release-notice timer (release preparation before the expected release date).',
    newBranch: [
      'exit-course.deadline-suspended',
      'exit-course.handed-over-continued',
      'exit-course.handover-prepared-accepted-before-release',
      'exit-course.handover-declined-redirected-closed',
      'exit-course.overdue-with-warning',
      'exit-course.police-phase-followed-up',
      'exit-course.release-date-moved',
      'exit-course.release-notice',
    ],
    oldBranch: [
      'exit-course.continued-as-new',
      'exit-course.interrupted-by-inmate',
      'exit-course.interrupted-by-kriminalforsorgen',
      'exit-course.interrupted-during-assessment',
      'exit-course.joint-assessment',
      'exit-course.late-offer',
      'exit-course.mentor-support',
      'exit-course.overdue',
      'exit-course.prison-transfer',
      'exit-course.refusals',
      'exit-course.rejected',
      'exit-course.signed',
      'exit-course.signing-overdue',
    ],
    deprecateWhen: 'No exit course started before 2026-11-24 is open or replayable.',
  },
  deadlineWarning: {
    id: 'deadline-warning',
    since: '2026-11-24',
    reason: 'A due-soon warning timer before every deadline (the warning notice).',
    newBranch: [
      'dks-case.deadline-notices',
      'dks-case.home-visit-planning',
      'exit-course.deadline-suspended',
      'exit-course.handover-prepared-accepted-before-release',
      'exit-course.outside-prison-municipal-start',
      'exit-course.outside-prison-police-start',
      'exit-course.overdue-with-warning',
      'exit-course.police-phase-followed-up',
      'network-council.agreements-made-with-warning',
      'network-council.read-model-held-across-deadline',
      'network-council.read-model-refused-then-redriven',
      'dks-case.ended-declined',
      'dks-case.ended-existing-action-plan',
      'dks-case.ended-not-reached',
      'dks-case.moved-keeping-deadline',
      'dks-case.social-services-participation',
      // A new workflow type (2026-12-02): every run takes the branch; recorded to replay its own commands.
      'concern-letter.address-unknown-closed',
      'concern-letter.not-sent',
      'concern-letter.parents-contacted-exit-course',
      'dks-case.level-one-reviewed',
      'network-council.adult-handover',
      'network-council.action-plan-followed-up',
      'network-council.support-at-release',
      // A new workflow type (issue 16): every run takes the branch (the answer step's warning).
      'access-request.extended-answered',
      'access-request.partly-withheld-late',
    ],
    oldBranch: [
      'dks-case.followed-up',
      'dks-case.late-assessment',
      'exit-course.continued-as-new',
      'exit-course.handed-over-continued',
      'exit-course.handover-declined-redirected-closed',
      'exit-course.interrupted-by-inmate',
      'exit-course.interrupted-by-kriminalforsorgen',
      'exit-course.interrupted-during-assessment',
      'exit-course.joint-assessment',
      'exit-course.late-offer',
      'exit-course.mentor-support',
      'exit-course.overdue',
      'exit-course.prison-transfer',
      'exit-course.refusals',
      'exit-course.rejected',
      'exit-course.release-date-moved',
      'exit-course.release-notice',
      'exit-course.signed',
      'exit-course.signing-overdue',
      'network-council.agreements-made',
    ],
    deprecateWhen: 'No case of any type started before 2026-11-24 is open or replayable.',
  },
  homeVisitPlanning: {
    id: 'home-visit-planning',
    since: '2026-11-24',
    reason: 'After a yes to a concern conversation, a home-visit planning step, so the case is never without one.',
    newBranch: [
      'dks-case.home-visit-planning',
      'dks-case.ended-declined',
      'dks-case.ended-not-reached',
      'dks-case.social-services-participation',
      'dks-case.level-one-reviewed',
    ],
    oldBranch: ['dks-case.deadline-notices', 'dks-case.followed-up', 'dks-case.late-assessment'],
    deprecateWhen: 'No DKS case assessed before 2026-11-24 is open or replayable.',
  },
  readModelAttention: {
    id: 'read-model-attention',
    since: '2026-12-01',
    reason:
      'A transition the read model refuses for good holds the case for operations instead of failing the workflow task.',
    newBranch: ['network-council.read-model-held-across-deadline', 'network-council.read-model-refused-then-redriven'],
    oldBranch: [
      'dks-case.deadline-notices',
      'dks-case.followed-up',
      'dks-case.home-visit-planning',
      'dks-case.late-assessment',
      'network-council.agreements-made',
      'network-council.agreements-made-with-warning',
    ],
    deprecateWhen: 'No case started before 2026-12-01 is open or replayable.',
  },
  deadlineSuspension: {
    id: 'deadline-suspension',
    since: '2026-12-01',
    reason:
      'A step whose configurable deadline is suspended waits for its resumption instead of firing its warning and overdue timers (the case kernel deadline decisions).',
    newBranch: ['exit-course.deadline-suspended'],
    oldBranch: [
      'dks-case.deadline-notices',
      'dks-case.followed-up',
      'dks-case.home-visit-planning',
      'dks-case.late-assessment',
      'exit-course.continued-as-new',
      'exit-course.handed-over-continued',
      'exit-course.handover-declined-redirected-closed',
      'exit-course.handover-prepared-accepted-before-release',
      'exit-course.interrupted-by-inmate',
      'exit-course.interrupted-by-kriminalforsorgen',
      'exit-course.interrupted-during-assessment',
      'exit-course.joint-assessment',
      'exit-course.late-offer',
      'exit-course.mentor-support',
      'exit-course.overdue-with-warning',
      'exit-course.overdue',
      'exit-course.prison-transfer',
      'exit-course.refusals',
      'exit-course.rejected',
      'exit-course.release-date-moved',
      'exit-course.release-notice',
      'exit-course.signed',
      'exit-course.signing-overdue',
      'network-council.agreements-made-with-warning',
      'network-council.agreements-made',
      'network-council.read-model-held-across-deadline',
      'network-council.read-model-refused-then-redriven',
    ],
    deprecateWhen: 'No case started before 2026-12-01 is open or replayable.',
  },
  outsidePrisonStart: {
    id: 'outside-prison-start',
    since: '2026-12-02',
    reason:
      'A course started outside prison by a police exit unit or a municipality: held by the starting unit, no release timer, and its agreement begins the police phase. Called only for such courses, so a course in prison records no marker.',
    newBranch: ['exit-course.outside-prison-police-start', 'exit-course.outside-prison-municipal-start'],
    oldBranch: [],
    deprecateWhen:
      'Never needed for old runs (no course outside prison began without it): may become deprecatePatch at once.',
  },
  policePhase: {
    id: 'police-phase',
    since: '2026-12-02',
    reason:
      'Accepting a handover that continues the course no longer ends it (handed_over_continued): the police phase begins (plan, contacts, reviews, an end with an outcome, the reoffending check).',
    newBranch: ['exit-course.police-phase-followed-up'],
    oldBranch: ['exit-course.handed-over-continued'],
    deprecateWhen: 'No exit course accepted with continuation before 2026-12-02 is open or replayable.',
  },
  handoverPreparation: {
    id: 'handover-preparation',
    since: '2026-12-02',
    reason:
      "From the release notice the release plan's district and municipality read the course, a handover report step opens, and the exit unit may decide before the release (the release then goes straight on).",
    newBranch: ['exit-course.handover-prepared-accepted-before-release'],
    oldBranch: [
      'exit-course.deadline-suspended',
      'exit-course.handed-over-continued',
      'exit-course.handover-declined-redirected-closed',
      'exit-course.overdue-with-warning',
      'exit-course.release-date-moved',
      'exit-course.release-notice',
    ],
    deprecateWhen: 'No exit course notified of its release before 2026-12-02 is open or replayable.',
  },
  dksOutcomes: {
    id: 'dks-outcomes',
    since: '2026-12-02',
    reason:
      "A DKS case's home-visit plan records the municipality whose social services join it (their narrow view of the visit). The case's new decisions (ending without a visit, moving to another district, the social services' participation) are handlers old runs never took.",
    newBranch: ['dks-case.ended-not-reached', 'dks-case.social-services-participation'],
    oldBranch: ['dks-case.followed-up', 'dks-case.home-visit-planning'],
    deprecateWhen: 'No DKS case that planned a home visit before 2026-12-02 is open or replayable.',
  },
  caseLevels: {
    id: 'case-levels',
    since: '2026-12-02',
    reason:
      'A youth case records its level (at the DKS assessment or by the case-level decision); a level-1 case has a monthly coordination-meeting review step. Called only when a level is set, so a case without one records no marker.',
    newBranch: ['dks-case.level-one-reviewed', 'network-council.adult-handover'],
    oldBranch: YOUTH_CASE_HISTORIES_BEFORE_LEVELS,
    deprecateWhen:
      'Never needed for old runs (no level was set without it): may become deprecatePatch once the histories above are re-recorded.',
  },
  adultHandover: {
    id: 'adult-handover',
    since: '2026-12-02',
    reason:
      "A youth case whose input carries the youth's birth date waits for the 18th birthday and then opens the 18+ handover step (SSP+). Cases started before have no birth date: they record no marker and get no step.",
    newBranch: ['dks-case.level-one-reviewed', 'network-council.adult-handover'],
    oldBranch: YOUTH_CASE_HISTORIES_BEFORE_LEVELS,
    deprecateWhen: 'No youth case started before 2026-12-02 is open or replayable.',
  },
  councilActionPlan: {
    id: 'council-action-plan',
    since: '2026-12-02',
    reason:
      "A network council's agreements no longer end it: each becomes an initiative with an owner, a due date and a follow-up step; the council ends when every initiative is followed up (action_plan_running, then action_plan_followed_up).",
    newBranch: ['network-council.action-plan-followed-up', 'network-council.support-at-release'],
    oldBranch: ['network-council.agreements-made', 'network-council.agreements-made-with-warning'],
    deprecateWhen: 'No network council that made its agreements before 2026-12-02 is replayable.',
  },
} as const satisfies Record<string, PatchRecord>;
