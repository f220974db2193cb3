import { DateField, UserIdField } from '../common/field-decorators';

/** `POST /api/absences`: an absence of the user themselves, or (a supervisor) of one of their unit's staff. */
export class AbsenceDto {
  @UserIdField('userId', {
    label: 'Den fraværende medarbejder',
    description:
      'Den fraværende bruger (id); udelades for en selv. En leder kan registrere fravær for enhedens medarbejdere.',
  })
  userId?: string;

  @DateField('from', {
    label: 'Første fraværsdag',
    description: 'Første dag med fravær.',
    required: true,
    example: '2026-12-07',
  })
  from!: string;

  @DateField('to', {
    label: 'Sidste fraværsdag',
    description: 'Sidste dag med fravær (medregnet).',
    required: true,
    example: '2026-12-11',
  })
  to!: string;

  @UserIdField('substituteId', {
    label: 'Stedfortræderen',
    description: 'Den aktive kollega i samme enhed, der får beskederne og ser sagerne imens (id).',
    required: true,
  })
  substituteId!: string;
}
