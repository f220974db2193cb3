import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail the recording SMTP server took: every envelope recipient (Cc ones too), and the Cc and Subject headers. */
export interface RecordedMail {
  to: string[];
  cc: string | null;
  subject: string;
  /** The message as sent: headers and body. */
  data: string;
}

/** A real SMTP server on a free port of 127.0.0.1 that keeps what it is sent, for the notice suites. */
export async function startSmtpRecorder(): Promise<{ port: number; mails: RecordedMail[]; close(): Promise<void> }> {
  const mails: RecordedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          cc: /^Cc: (.*)\r?$/m.exec(data)?.[1] ?? null,
          subject: /^Subject: (.*)\r?$/m.exec(data)?.[1] ?? '',
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
