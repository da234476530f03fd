import "server-only";
// Asking a worker to send what was just queued. Apart from the sending code, so that
// what queues email (signing, data deletion) does not import what sends it.
import { logError } from "@/lib/errors";
import { QUEUES, runningBoss } from "@/lib/jobs/boss";

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
