import { ENDINGS } from '../../../../libs/domain/case/ending-reasons';
import { POLICE_COURSE_OUTCOMES } from '../../../../libs/domain/exit-course/police-phase.types';
import { ChoiceView, DateView, IntegerView, NestedView, NumberView, TextView } from '../common/view-properties';
import { MENTOR_HOUR_PARTS, type MentorHourPart } from './cohort-definitions';
import type { InterruptedBy, PoliceEnd } from './cohort-course';

/**
 * The cohort figures as the API answers them: the courses whose agreement was entered in the period, in
 * their state at the end of `asOf` (every figure's definition is served with the report, `definitions`,
 * from cohort-definitions.ts; docs/figures.md has them in English).
 */
export class CohortFigures {
  @TextView({
    nullable: true,
    description: 'Gruppens kode (institution eller henvisning); null i rækken i alt.',
  })
  group!: string | null;
  @TextView({ description: 'Gruppens navn; «I alt» i rækken i alt.' }) groupName!: string;
  @IntegerView() agreementsEntered!: number;
  @IntegerView() persons!: number;
  @IntegerView() personsWithMoreThanOneAgreement!: number;
  @IntegerView() stillAtKriminalforsorgen!: number;
  @IntegerView() interruptedByInmate!: number;
  @IntegerView() interruptedByKriminalforsorgen!: number;
  @IntegerView() handedOver!: number;
  @IntegerView() handoverAwaitingDecision!: number;
  @IntegerView() handoverClosedAtOnce!: number;
  @IntegerView() continuedByPolice!: number;
  @IntegerView() startedOutsidePrison!: number;
  @IntegerView() runningWithPolice!: number;
  @IntegerView() endedWithPolice!: number;
  @IntegerView() completed!: number;
  @IntegerView() droppedOut!: number;
  @IntegerView() droppedOutWithPolice!: number;
  @IntegerView() reoffended!: number;
  @IntegerView() notReoffended!: number;
  @IntegerView() reoffendingNotChecked!: number;
}

const POLICE_ENDS = POLICE_COURSE_OUTCOMES.filter((outcome) => outcome !== 'moved');

export class CohortOutcomeCount {
  @ChoiceView(POLICE_ENDS) outcome!: PoliceEnd;
  @TextView() label!: string;
  @IntegerView() count!: number;
}

export class CohortInterruptionCount {
  @ChoiceView(['inmate', 'kriminalforsorgen']) by!: InterruptedBy;
  @ChoiceView(Object.keys(ENDINGS.interruption.reasons)) reasonCode!: string;
  @TextView() label!: string;
  @IntegerView() count!: number;
}

export class CohortMentorHours {
  @ChoiceView(MENTOR_HOUR_PARTS) part!: MentorHourPart;
  @TextView() label!: string;
  @IntegerView() minutesTotal!: number;
  @NumberView() hoursTotal!: number;
  @IntegerView({ description: 'Personer med exit-aftale i kohorten.' }) agreementHolders!: number;
  @IntegerView({ description: 'Personer med mindst én mentorkontakt i denne del.' }) personsWithContact!: number;
  @NumberView() meanHoursPerAgreementHolder!: number;
  @NumberView() medianHoursPerAgreementHolder!: number;
  @NumberView() meanHoursPerPersonWithContact!: number;
  @NumberView() medianHoursPerPersonWithContact!: number;
}

export class CohortDefinition {
  @TextView({ description: 'Tallets navn i svaret (fx `handedOver`, `mentorHours.after_release`).' }) figure!: string;
  @TextView() label!: string;
  @TextView({ description: 'Hvad tallet tæller, på dansk.' }) definition!: string;
}

export class CohortReport {
  @DateView() from!: string;
  @DateView() to!: string;
  @DateView({ description: 'Opgørelsesdatoen: forløbenes status ved udgangen af denne danske kalenderdag.' })
  asOf!: string;
  @NestedView(CohortFigures) total!: CohortFigures;
  @NestedView([CohortFigures], { description: 'Pr. institution, der havde forløbet ved aftalens indgåelse.' })
  byInstitution!: CohortFigures[];
  @NestedView([CohortFigures], { description: 'Pr. henvisning (kriminalforsorgen, politiet, kommunen …).' })
  byReferralSource!: CohortFigures[];
  @NestedView([CohortOutcomeCount], {
    description: 'Forløb afsluttet hos politiet pr. udfald (flytning er intet udfald).',
  })
  policeOutcomes!: CohortOutcomeCount[];
  @NestedView([CohortInterruptionCount], { description: 'Afbrudte forløb pr. afbryder og årsag.' })
  interruptionReasons!: CohortInterruptionCount[];
  @NestedView([CohortMentorHours]) mentorHours!: CohortMentorHours[];
  @NestedView([CohortDefinition]) definitions!: CohortDefinition[];
}

export const QUESTION_1903_PARTS = ['went_through', 'succeeded', 'dropped_out', 'mentor_hours'] as const;
export type Question1903Part = (typeof QUESTION_1903_PARTS)[number];

export class Question1903Answer {
  @ChoiceView(QUESTION_1903_PARTS) part!: Question1903Part;
  @TextView({ description: 'Delspørgsmålet med Folketingets ord.' }) question!: string;
  @TextView({ description: 'Svaret i danske sætninger med tallene.' }) answer!: string;
  @TextView({ description: 'Hvordan tallene er opgjort, i danske sætninger.' }) definition!: string;
}

export class Question1903Report {
  @DateView() from!: string;
  @DateView() to!: string;
  @DateView() asOf!: string;
  @TextView() title!: string;
  @TextView({ description: 'Spørgsmålet, som Folketingets Retsudvalg stillede det.' }) question!: string;
  @TextView({ description: 'Indledningen: hvad opgørelsen omfatter.' }) introduction!: string;
  @NestedView([Question1903Answer]) answers!: Question1903Answer[];
}
