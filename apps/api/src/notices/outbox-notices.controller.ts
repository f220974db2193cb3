import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResponses } from '../common/api-responses';
import { RequirePermission } from '../auth/auth.decorators';
import { OutboxNoticesQuery } from './outbox-notices.dto';
import { OutboxNoticesPage, OutboxNoticesRepository } from './outbox-notices.repository';

/**
 * The notice outbox for operations: notices that keep failing (a unit without a mail address, a mail
 * server that refuses), waiting, sent or withdrawn — the dead-letter view of the delivery the worker runs.
 */
@ApiTags('Drift')
@ApiBearerAuth()
@Controller('admin/notices')
export class OutboxNoticesController {
  constructor(private readonly notices: OutboxNoticesRepository) {}

  @Get()
  @RequirePermission('notices:read')
  @ListResponses(
    'Udbakken: beskeder der fejler (standard), venter, er sendt eller trukket tilbage, med antal pr. tilstand.',
    OutboxNoticesPage,
  )
  async list(@Query() query: OutboxNoticesQuery): Promise<OutboxNoticesPage> {
    return this.notices.list(query.state, query.page, query.pageSize);
  }
}
