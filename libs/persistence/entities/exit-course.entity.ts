import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What only an exit course has, beside its {@link CaseEntity} row. */
@Entity({ name: 'exit_courses' })
export class ExitCourseEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  /** `YYYY-MM-DD` (kept as a string: a calendar date, not an instant). */
  @Column({ name: 'expected_release_date', type: 'date' })
  expectedReleaseDate!: string;

  @Column({ name: 'parole_linked', type: 'boolean' })
  paroleLinked!: boolean;
}
