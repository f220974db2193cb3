import { BooleanField, TextField } from '../common/field-decorators';

/** Set or lift a case's legal hold: while it is set, the case is never listed for deletion. */
export class LegalHoldDto {
  @BooleanField('held', {
    label: 'Sletningsstop',
    description: 'true: sagen må ikke slettes, selv om dens opbevaringsfrist er udløbet; false: stoppet ophæves.',
    example: true,
    required: true,
  })
  held!: boolean;

  @TextField('reason', {
    label: 'Begrundelsen',
    description: 'Hvorfor stoppet sættes eller ophæves (fx en verserende klage eller retssag). Logges.',
    example: 'Verserende klagesag.',
    required: true,
    maxLength: 500,
  })
  reason!: string;
}
