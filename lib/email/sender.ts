import "server-only";
// The one way mail leaves the app: a batch of up to 100 messages in one request to
// Resend's batch endpoint, under one idempotency key. The SDK returns errors as values
// (it never throws), so they are turned into exceptions here, with the status and the
// provider's rate-limit headers (the SDK hands back the response headers with every
// result, so no custom fetch is needed). In mail-capture mode nothing is sent: the
// messages stay in the outbox for /dev/mailbox (this machine only), and the log says
// only how many were kept, since a log is read by more people than the mailbox and the
// links confirm or delete.
import { Resend } from "resend";
import { env, mailMode } from "@/lib/env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

/** Per message, in order: the provider's id, or the provider's reason for refusing it. */
export type BatchResult = ({ ok: true; providerId: string } | { ok: false; error: string })[];

/** The most messages Resend takes in one batch request. */
export const MAX_BATCH = 100;
/** A request that has not answered by then is treated as unreachable (and retried with its key). */
const REQUEST_TIMEOUT_MS = 30_000;

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    /** Resend's error name, e.g. rate_limit_exceeded, invalid_idempotent_request. */
    readonly code: string | null = null,
    /** On a 429: how long the provider asked us to wait. */
    readonly retryAfterSeconds: number | null = null,
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

// Provider messages may quote what was sent; never keep or log an address.
export function redactAddresses(message: string): string {
  return message.replace(/[^\s<>"'`]+@[^\s<>"'`]+/g, "<address>").slice(0, 500);
}

/** Seconds to wait after a 429: the later of retry-after and ratelimit-reset (1 s if neither is readable). */
export function retryAfterSeconds(headers: Record<string, string> | null | undefined, now = Date.now()): number {
  const seconds = (value: string | undefined): number | null => {
    if (!value) return null;
    if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
  };
  const waits = [seconds(headers?.["retry-after"]), seconds(headers?.["ratelimit-reset"])].filter((s): s is number => s !== null);
  return Math.min(Math.max(1, ...waits), 3600);
}

/**
 * Sends up to MAX_BATCH messages in one request. Permissive validation: one bad message
 * is refused alone (its error comes back in its place) instead of sinking the batch.
 * Throws EmailSendError when the request as a whole was not accepted.
 */
export async function sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchResult> {
  if (emails.length === 0 || emails.length > MAX_BATCH) throw new RangeError(`a batch holds 1-${MAX_BATCH} emails`);
  if (mailMode === "capture") {
    const n = emails.length;
    console.log(`[mail-capture] kept ${n} email${n === 1 ? "" : "s"}, not sent: see /dev/mailbox on this machine`);
    return emails.map(() => ({ ok: true, providerId: "captured" }));
  }
  const { data, error, headers } = await client().batch.send(
    emails.map((email) => ({
      from: env.MAIL_FROM,
      to: [email.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    })),
    { idempotencyKey, batchValidation: "permissive", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
  );
  if (error || !data) {
    const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
    const code = error?.name ?? null;
    throw new EmailSendError(
      `Resend refused the batch: ${code ?? "no data"} (${status ?? "unreachable"})${error?.message ? `: ${redactAddresses(error.message)}` : ""}`,
      status,
      code,
      status === 429 ? retryAfterSeconds(headers) : null,
    );
  }
  // Permissive mode: `data` lists the accepted messages in order, `errors` the others by index.
  const refused = new Map((data.errors ?? []).map((e) => [e.index, redactAddresses(e.message)]));
  const ids = data.data.map((d) => d.id);
  let next = 0;
  return emails.map((_, index) => {
    const reason = refused.get(index);
    if (reason !== undefined) return { ok: false, error: `Resend refused the email: ${reason}` };
    const id = ids[next++];
    return id ? { ok: true, providerId: id } : { ok: false, error: "Resend returned no id for the email" };
  });
}
