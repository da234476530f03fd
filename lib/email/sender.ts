import "server-only";
// The one way mail leaves the app. With RESEND_API_KEY: the Resend SDK (whose errors
// come back as values, so they are turned into exceptions here and the outbox retries).
// In mail-capture mode nothing is sent: the message stays in the outbox for
// /dev/mailbox (this machine only), and the log says only that one was kept, since
// a log is read by more people than the mailbox and the links confirm or delete.
import { Resend } from "resend";
import { env, mailMode } from "@/lib/env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  idempotencyKey: string;
};

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

let resend: Resend | undefined;

function client(): Resend {
  resend ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return resend;
}

/** Sends one email; returns the provider's id ("captured" in mail-capture mode). */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  if (mailMode === "capture") {
    console.log("[mail-capture] kept 1 email, not sent: see /dev/mailbox on this machine");
    return "captured";
  }
  const { data, error } = await client().emails.send(
    {
      from: env.MAIL_FROM,
      to: [email.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    },
    { idempotencyKey: email.idempotencyKey },
  );
  if (error || !data) {
    const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
    throw new EmailSendError(`Resend refused the email: ${error?.name ?? "no data"} (${status ?? "unreachable"})`, status);
  }
  return data.id;
}
