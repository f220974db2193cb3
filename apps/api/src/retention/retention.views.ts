import {
  BooleanView,
  DateView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  TextView,
} from '../common/view-properties';

/** A case on a deletion list: what it is and why it is due — never the person. */
export class RetentionListCaseView {
  @IdView() caseId!: string;
  @TextView() caseType!: string;
  @TextView({ description: 'Sagstypen på dansk.' }) caseTypeLabel!: string;
  @TextView({ description: 'Den ansvarlige enheds kode.' }) unit!: string;
  @TextView({ description: 'Enhedens navn.' }) unitName!: string;
  @MomentView({ description: 'Sagens afslutning, som fristen regnes fra.' }) closedAt!: string;
  @IntegerView({ description: 'Opbevaringsfristen i dage.' }) periodDays!: number;
  @DateView({ description: 'Dagen fristen udløb (dansk tid).' }) dueOn!: string;
  @TextView({ description: 'Fristens kilde, eller at den er en konfigurerbar standard.' }) source!: string;
  @BooleanView({ description: 'Sletningsstop sat efter listen blev dannet: sagen slettes ikke.' }) legalHold!: boolean;
}

export class RetentionListView {
  @IdView() id!: string;
  @MomentView({ description: 'Hvornår natkørslen sidst opdaterede listen.' }) refreshedAt!: string;
  @MomentView({ nullable: true }) approvedAt!: string | null;
  @NestedView([RetentionListCaseView]) cases!: RetentionListCaseView[];
}

export class RetentionListsView {
  @NestedView([RetentionListView], { description: 'De åbne (ikke godkendte) lister i brugerens ansvarsområde.' })
  items!: RetentionListView[];
}

export class RetentionApprovalView {
  @IdView() listId!: string;
  @MomentView() approvedAt!: string;
  @IntegerView({ description: 'Sager slettet.' }) erased!: number;
  @IntegerView({
    description: 'Sager på listen, der ikke blev slettet (sletningsstop, genåbnet eller allerede slettet).',
  })
  skipped!: number;
}

export class LegalHoldView {
  @IdView() caseId!: string;
  @BooleanView() held!: boolean;
  @TextView({ nullable: true }) reason!: string | null;
  @MomentView({ nullable: true, description: 'Hvornår stoppet sidst blev sat eller ophævet.' }) changedAt!:
    string | null;
}
