import { Module } from '@nestjs/common';
import { OutboxNoticesController } from './outbox-notices.controller';
import { OutboxNoticesRepository } from './outbox-notices.repository';

/** The notice outbox for operations: failing, waiting, sent and withdrawn notices. */
@Module({
  controllers: [OutboxNoticesController],
  providers: [OutboxNoticesRepository],
})
export class NoticesModule {}
