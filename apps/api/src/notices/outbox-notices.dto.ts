import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/page';

export const OUTBOX_STATES = ['failing', 'pending', 'sent', 'withdrawn'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export class OutboxNoticesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: OUTBOX_STATES,
    default: 'failing',
    description:
      'failing: ikke sendt, sidste forsøg fejlede; pending: venter; sent: sendt; withdrawn: trukket tilbage.',
  })
  @IsOptional()
  @IsIn(OUTBOX_STATES, { message: `state skal være en af: ${OUTBOX_STATES.join(', ')}.` })
  state: OutboxState = 'failing';
}
