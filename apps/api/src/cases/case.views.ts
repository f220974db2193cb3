import {
  BooleanView,
  ChoiceView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  ObjectView,
  PageOf,
  TextView,
} from '../common/view-properties';
import { AvailableDecisionView } from './available-decisions';
import { DEADLINE_WAIT_REASON_LABELS, MISSED_DEADLINE_REASON_LABELS } from '../../../../libs/domain/case/step-deadline';
import { CasePersonView } from '../persons/person.views';

/** What the API answers about any case, whatever its type: its steps, its history, its decisions. */
export const STEP_STATUSES = ['open', 'completed', 'cancelled'] as const;

/** A step's deadline that waits: the timer is stopped until it is resumed. */
export class StepSuspensionView {
  @MomentView() since!: string;
  @ChoiceView(Object.keys(DEADLINE_WAIT_REASON_LABELS)) reason!: string;
  @TextView({ description: 'Årsagen på dansk, som tavler og siden viser den: »afventer …«.' }) reasonText!: string;
  @TextView() note!: string;
  @MomentView({ nullable: true, description: 'Hvornår ventetiden forventes at slutte.' }) expectedUntil!: string | null;
}

/** Why a deadline fixed by law was missed, as the caseworker recorded it. */
export class MissedDeadlineReasonView {
  @ChoiceView(Object.keys(MISSED_DEADLINE_REASON_LABELS)) reason!: string;
  @TextView() reasonText!: string;
  @TextView() note!: string;
  @MomentView() recordedAt!: string;
}

export const DEADLINE_BASES = ['fixed', 'default'] as const;

export class StepView {
  @IdView() id!: string;
  @TextView() kind!: string;
  @TextView() label!: string;
  @ChoiceView(STEP_STATUSES) status!: (typeof STEP_STATUSES)[number];
  @MomentView() openedAt!: string;
  @MomentView() dueAt!: string;
  @BooleanView({ description: 'Åbent og efter fristen nu.' }) overdue!: boolean;
  @MomentView({ nullable: true, description: 'Da fristens timer eskalerede trinnet (det forbliver åbent).' })
  escalatedAt!: string | null;
  @MomentView({ nullable: true }) completedAt!: string | null;
  @IntegerView({ nullable: true, description: 'Hvor mange sekunder for sent trinnet blev afsluttet.' })
  latenessSeconds!: number | null;
  @TextView({ nullable: true }) outcome!: string | null;
  @ChoiceView(DEADLINE_BASES, {
    nullable: true,
    description:
      'fixed: fristen er fastsat ved lov og flyttes aldrig; default: en standard, der kan sættes i bero eller forlænges.',
  })
  deadlineBasis!: (typeof DEADLINE_BASES)[number] | null;
  @NestedView(StepSuspensionView, { nullable: true, description: 'Fristen er sat i bero: tavler viser »afventer …«.' })
  suspension!: StepSuspensionView | null;
  @NestedView(MissedDeadlineReasonView, { nullable: true }) missedReason!: MissedDeadlineReasonView | null;
  @NestedView([AvailableDecisionView], {
    description:
      'Fristbeslutninger, brugeren kan træffe på trinnet nu: POST /api/cases/<sag>/steps/<trin>/<name>; siden viser netop disse formularer.',
  })
  decisions!: AvailableDecisionView[];
}

export class HistoryEntryView {
  @IdView() id!: string;
  @TextView() action!: string;
  @MomentView() occurredAt!: string;
  @MomentView() recordedAt!: string;
  @TextView() actorId!: string;
  @TextView({
    nullable: true,
    description: 'Medarbejderens navn, når aktøren er en kendt bruger (aldrig sagens person).',
  })
  actorName!: string | null;
  @TextView({ nullable: true, description: 'Begrundelsen: fri tekst (ved en årsag: noten ved siden af den).' })
  reason!: string | null;
  @TextView({
    nullable: true,
    description:
      'Årsagen til en afslutning eller en afvist overdragelse: en kode fra afslutningens liste (GET /api/reference-data, choices.endingReasons).',
  })
  reasonCode!: string | null;
  @TextView({ nullable: true, description: 'Årsagens navn på dansk, som det står inde i en sætning.' })
  reasonLabel!: string | null;
  @IdView({ nullable: true }) stepId!: string | null;
  @ObjectView({ description: 'Hændelsens egne fakta.' }) details!: Record<string, unknown>;
}

export class HistoryEntryPage extends PageOf(HistoryEntryView) {}

/** A case's steps and the first entries of its history (CaseRecordsRepository.progress). */
export interface CaseProgress {
  openSteps: StepView[];
  steps: StepView[];
  history: HistoryEntryView[];
  historyTotal: number;
}

/**
 * What every case type's detail shows beside its summary: its steps, the first entries of its history, and
 * the decisions the user may take on it now (from the case type's decision table).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern requires any[]
export function WithCaseDetail<Summary extends new (...args: any[]) => object>(summary: Summary) {
  class WithDetail extends summary {
    @NestedView([StepView]) openSteps!: StepView[];
    @NestedView([StepView]) steps!: StepView[];
    /** The first HISTORY_IN_DETAIL entries; an exit course's whole history is paged at `GET /api/exit-courses/:id/history`. */
    @NestedView([HistoryEntryView], { description: 'De første historikposter.' }) history!: HistoryEntryView[];
    @IntegerView() historyTotal!: number;
    @NestedView([AvailableDecisionView], {
      description: 'De beslutninger, brugeren kan træffe på sagen nu; siden viser netop disse formularer.',
    })
    availableDecisions!: AvailableDecisionView[];
    @NestedView(CasePersonView, {
      nullable: true,
      optional: true,
      description:
        'Sagens person (navn og CPR-nummer) for brugere med adgang til personer; læsningen logges. Aldrig på tavler eller i varsler.',
    })
    person?: CasePersonView | null;
  }
  return WithDetail;
}

export class CaseProgressView extends WithCaseDetail(class {}) {}

export type HistoryEntry = HistoryEntryView;

/** What every case type's detail adds to its summary. */
export interface CaseDetail extends CaseProgress {
  availableDecisions: AvailableDecisionView[];
}
