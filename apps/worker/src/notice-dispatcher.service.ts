import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NoticeOutbox } from '../../../activities/notices/notice-outbox';
import { noticeSender, type NoticeSender } from '../../../activities/notices/notice-senders';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { classifyDatabaseError, describeDatabaseFailure } from '../../../libs/persistence/database-errors';
import { EXITFLOW_CONFIG } from './worker.tokens';

/** Delivers the outbox every NOTICE_POLL_SECONDS while the worker runs. */
@Injectable()
export class NoticeDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notices');
  private readonly sender: NoticeSender;
  private readonly outbox: NoticeOutbox;
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(EXITFLOW_CONFIG) private readonly config: ExitflowConfig,
    dataSource: DataSource,
  ) {
    this.sender = noticeSender(config.notices);
    this.outbox = new NoticeOutbox(dataSource, this.sender, config.notices.webUrl);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    this.sender.close?.();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.deliver().finally(() => this.schedule(this.config.notices.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async deliver(): Promise<void> {
    try {
      const { sent, failed } = await this.outbox.deliverDue(200, () => this.stopped);
      if (failed > 0)
        this.logger.warn(`${failed} besked(er) kunne ikke sendes og forsøges igen senere; ${sent} sendt.`);
    } catch (error) {
      // The database is away: the next round tries again; nothing is lost, the rows stay unsent.
      this.logger.error(`Udbakken kunne ikke læses: ${describeDatabaseFailure(classifyDatabaseError(error))}`);
    }
  }
}
