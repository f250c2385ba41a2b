import { createTransport } from 'nodemailer';

/** Hands a composed e-mail to an SMTP server, e.g. the product's built-in listener. */
export async function deliverOverSmtp(target: { host: string; port: number }, from: string, to: string, raw: Buffer) {
  const transport = createTransport({ host: target.host, port: target.port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}
