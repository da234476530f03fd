import "server-only";
// Sending the outbox through pg-boss. The outbox table is the queue of emails (one row
// each, its own retries and backoff); pg-boss carries the wake-ups: a job on the
// `email-outbox` queue means "there may be email to send", and the worker that takes
// it sends everything due. Signing asks for one (at most a few a second per process,
// and the queue keeps at most one waiting), a failed email asks for one at its retry
// time, and a schedule asks every minute, so nothing waits longer than that even if a
// wake-up is lost. Any number of workers can take jobs: their claims skip each other.
import { logError } from "@/lib/errors";
import { getBoss, QUEUES, runningBoss } from "@/lib/jobs/boss";
import { deliverDueEmails, nextRetryInSeconds } from "./outbox";

const BATCH = 25;
const WAKE_EVERY_MS = 200;

// On globalThis: Next.js bundles the routes that queue email apart from each other.
type WakeState = { lastSent: number; trailing?: ReturnType<typeof setTimeout> };
const wake = ((globalThis as Record<string, unknown>).__cutTies_outboxWake ??= { lastSent: 0 }) as WakeState;

function sendWakeUp(): void {
  wake.lastSent = Date.now();
  // Only through a pg-boss the server started: never one started late, or again after
  // shutdown (a scripted command, a test). Without one, the minute schedule finds the email.
  runningBoss()
    ?.then((boss) => boss.send(QUEUES.emailOutbox, {}))
    .catch((error) => logError("email-outbox", error));
}

/**
 * Asks a worker to send what was just queued. Never waits (the email is already stored,
 * and the minute schedule would find it anyway); at most one job per 200 ms from this
 * process, the last request in a burst included.
 */
export function requestEmailDelivery(): void {
  const wait = wake.lastSent + WAKE_EVERY_MS - Date.now();
  if (wait <= 0) return sendWakeUp();
  wake.trailing ??= setTimeout(() => {
    wake.trailing = undefined;
    sendWakeUp();
  }, wait);
}

/** A worker's job: send every due email; if any failed, ask to be woken when a retry is due. */
export async function drainOutbox(): Promise<void> {
  let failed = 0;
  for (;;) {
    const round = await deliverDueEmails(BATCH);
    failed += round.failed;
    if (round.claimed < BATCH) break;
  }
  if (failed === 0) return;
  const retryIn = await nextRetryInSeconds();
  if (retryIn !== null && retryIn < 60) {
    const boss = await getBoss();
    await boss.send(QUEUES.emailOutbox, {}, { startAfter: Math.max(1, Math.ceil(retryIn)), singletonKey: "retry" });
  }
}
