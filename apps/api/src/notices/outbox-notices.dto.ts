import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { orList } from '../common/field-decorators';
import { PageQuery } from '../common/page';
import { OUTBOX_STATES, type OutboxState } from '../../../../libs/persistence/outbox-states';

export { OUTBOX_STATES, type OutboxState };

const OUTBOX_STATE_NAMES: Record<OutboxState, string> = {
  failing: 'fejler',
  pending: 'venter',
  sent: 'sendt',
  withdrawn: 'trukket tilbage',
};

export class OutboxNoticesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: OUTBOX_STATES,
    default: 'failing',
    description:
      'failing: ikke sendt, sidste forsøg fejlede; pending: venter; sent: sendt; withdrawn: trukket tilbage.',
  })
  @IsOptional()
  @IsIn(OUTBOX_STATES, {
    message: `Tilstanden skal være ${orList(OUTBOX_STATES.map((state) => `»${OUTBOX_STATE_NAMES[state]}«`))}.`,
  })
  state: OutboxState = 'failing';
}
