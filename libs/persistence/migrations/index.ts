import { InitialReadModel1764000000000 } from './1764000000000-initial-read-model';
import { AccessAuditPersons1764100000000 } from './1764100000000-access-audit-persons';
import { MentorSupport1764200000000 } from './1764200000000-mentor-support';
import { PersonUnits1764300000000 } from './1764300000000-person-units';
import { OpenExitCourses1764400000000 } from './1764400000000-open-exit-courses';
import { TransfersAndNotices1764500000000 } from './1764500000000-transfers-and-notices';
import { ReleasePreparation1764600000000 } from './1764600000000-release-preparation';
import { Handover1764700000000 } from './1764700000000-handover';
import { DeadlineNotices1764800000000 } from './1764800000000-deadline-notices';
import { ReportIndexes1764900000000 } from './1764900000000-report-indexes';
import { OutboxBacklog1765000000000 } from './1765000000000-outbox-backlog';
import { ReadModelFailures1765100000000 } from './1765100000000-read-model-failures';
import { UserChangeAudit1765150000000 } from './1765150000000-user-change-audit';
import { OrganisationUnits1765200000000 } from './1765200000000-organisation-units';
import { PersonNameTokens1765250000000 } from './1765250000000-person-name-tokens';
import { CaseNotes1765300000000 } from './1765300000000-case-notes';
import { CaseDocuments1765310000000 } from './1765310000000-case-documents';
import { CaseAssignments1765400000000 } from './1765400000000-case-assignments';
import { IdentityProviderUsers1765450000000 } from './1765450000000-identity-provider-users';
import { StepDeadlineWaits1765500000000 } from './1765500000000-step-deadline-waits';
import { EndingReasons1765600000000 } from './1765600000000-ending-reasons';
import { PolicePhase1765700000000 } from './1765700000000-police-phase';
import { OutsidePrisonCourses1765710000000 } from './1765710000000-outside-prison-courses';
import { HandoverPreparation1765720000000 } from './1765720000000-handover-preparation';
import { DksHomeVisits1765800000000 } from './1765800000000-dks-home-visits';
import { ConcernLetters1765830000000 } from './1765830000000-concern-letters';
import { CaseLevels1765810000000 } from './1765810000000-case-levels';
import { CouncilActionPlan1765820000000 } from './1765820000000-council-action-plan';
import { AccessLogPersonIndex1765920000000 } from './1765920000000-access-log-person-index';
import { NeedToKnow1765900000000 } from './1765900000000-need-to-know';
import { ProtectedPersons1765910000000 } from './1765910000000-protected-persons';
import { AccessRequests1765930000000 } from './1765930000000-access-requests';
import { Retention1765940000000 } from './1765940000000-retention';
import { SharedAuthState1766020000000 } from './1766020000000-shared-auth-state';

/** Every migration, in timestamp order (TypeORM runs any not yet run by name, an older one too). */
export const READ_MODEL_MIGRATIONS = [
  InitialReadModel1764000000000,
  AccessAuditPersons1764100000000,
  MentorSupport1764200000000,
  PersonUnits1764300000000,
  OpenExitCourses1764400000000,
  TransfersAndNotices1764500000000,
  ReleasePreparation1764600000000,
  Handover1764700000000,
  DeadlineNotices1764800000000,
  ReportIndexes1764900000000,
  OutboxBacklog1765000000000,
  ReadModelFailures1765100000000,
  UserChangeAudit1765150000000,
  OrganisationUnits1765200000000,
  PersonNameTokens1765250000000,
  CaseNotes1765300000000,
  CaseDocuments1765310000000,
  CaseAssignments1765400000000,
  IdentityProviderUsers1765450000000,
  StepDeadlineWaits1765500000000,
  EndingReasons1765600000000,
  PolicePhase1765700000000,
  OutsidePrisonCourses1765710000000,
  HandoverPreparation1765720000000,
  DksHomeVisits1765800000000,
  ConcernLetters1765830000000,
  CaseLevels1765810000000,
  CouncilActionPlan1765820000000,
  AccessLogPersonIndex1765920000000,
  NeedToKnow1765900000000,
  ProtectedPersons1765910000000,
  AccessRequests1765930000000,
  Retention1765940000000,
  SharedAuthState1766020000000,
];
