import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { NoticeSettings } from '../../libs/config/exitflow-config';
import type { OutgoingNotice } from './outgoing-notice';

/** Delivers one notice; throws when it could not (the outbox tries again later). */
export interface NoticeSender {
  send(notice: OutgoingNotice): Promise<void>;
  close?(): void;
}

/** The default: one log line per notice (subject and case id; notices hold no personal data). */
export class LogNoticeSender implements NoticeSender {
  private readonly logger = new Logger('Notices');

  async send(notice: OutgoingNotice): Promise<void> {
    const person = notice.person
      ? ` (bruger ${notice.person.userId}${notice.person.substituteFor ? `, stedfortræder for ${notice.person.substituteFor}` : ''})`
      : '';
    this.logger.log(
      `Besked ${notice.noticeId} til ${notice.recipientUnit}/${notice.recipientRole}${person}: ${notice.subject}`,
    );
  }
}

/**
 * E-mail to the person a notice is for (the case's caseworker or their substitute, see NoticeOutbox), else to
 * the recipient unit's configured mailbox (NOTICE_UNIT_ADDRESSES).
 */
export class SmtpNoticeSender implements NoticeSender {
  private readonly transport: Transporter;

  constructor(private readonly settings: NonNullable<NoticeSettings['smtp']>) {
    // Bounded waits: a mail server that hangs delays one notice, never the outbox for minutes.
    this.transport = createTransport(settings.url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(notice: OutgoingNotice): Promise<void> {
    // The role's own mailbox in the unit if there is one (DKS and the exit unit share a police district), else the unit's.
    const to =
      notice.person?.email ??
      this.settings.unitAddresses[`${notice.recipientUnit}/${notice.recipientRole}`] ??
      this.settings.unitAddresses[notice.recipientUnit];
    if (!to) throw new Error(`Ingen e-mailadresse for enheden ${notice.recipientUnit} (NOTICE_UNIT_ADDRESSES).`);
    // An overdue step is escalated: the unit's supervisor gets a copy where it has a mailbox (UNIT/supervisor=…);
    // a notice to a substitute copies the unit's supervisors.
    const supervisor = notice.escalation
      ? this.settings.unitAddresses[`${notice.recipientUnit}/supervisor`]
      : undefined;
    const cc = [...new Set([...(notice.person?.cc ?? []), ...(supervisor ? [supervisor] : [])])].filter(
      (address) => address !== to,
    );
    await this.transport.sendMail({
      from: this.settings.from,
      to,
      ...(cc.length ? { cc: cc.join(', ') } : {}),
      subject: notice.subject,
      text: notice.text,
      messageId: `<${notice.noticeId}@exitflow>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}

export function noticeSender(settings: NoticeSettings): NoticeSender {
  return settings.sender === 'smtp' && settings.smtp ? new SmtpNoticeSender(settings.smtp) : new LogNoticeSender();
}
