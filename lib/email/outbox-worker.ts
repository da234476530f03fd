import "server-only";
// Sending the outbox through pg-boss. The outbox table is the queue of emails; pg-boss
// carries the wake-ups: a job on the `email-outbox` queue means "there may be email to
// send", and the worker that takes it sends batches until nothing is due. Signing asks
// for one (lib/email/wake.ts), a put-back batch asks for one at its retry time, and a
// schedule asks every minute, so nothing waits longer than that even if a wake-up is
// lost. Any number of processes can drain at once: their claims skip each other and
// they share one send pace through the database (pace.ts).
import { logError } from "@/lib/errors";
import { mailMode } from "@/lib/env";
import { getBoss, QUEUES } from "@/lib/jobs/boss";
import { claimBatch, nextRetryInSeconds, outboxHealth, sendClaimedBatch, type BatchOutcome } from "./outbox";
import { paceState } from "./pace";
import { feedOutbox, finishUpdates } from "@/lib/updates/sending";

/** Batches a process has claimed and not yet settled: enough to keep the pace when requests are slow. */
const IN_FLIGHT = 3;
/** A drain hands over to a fresh wake-up after this, so one job never runs for hours. */
const DRAIN_MAX_MS = 5 * 60_000;

export type DrainResult = { batches: number; sent: number; failed: number; rateLimited: number };

/**
 * A worker's job: claim and send batches until nothing is due, up to IN_FLIGHT at a time,
 * each at a slot of the shared pace; then, if a batch was put back, ask to be woken when
 * it is due again.
 */
export async function drainOutbox(): Promise<DrainResult> {
  const totals: DrainResult = { batches: 0, sent: 0, failed: 0, rateLimited: 0 };
  const inFlight = new Set<Promise<void>>();
  const tally = (outcome: BatchOutcome) => {
    totals.batches += 1;
    totals.sent += outcome.sent;
    totals.failed += outcome.failed;
    totals.rateLimited += outcome.rateLimited ? 1 : 0;
  };
  const until = Date.now() + DRAIN_MAX_MS;
  let more = true;
  while (Date.now() < until) {
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    // Nothing due: move the next deliveries of a campaign update in, if any wait.
    const batch = (await claimBatch()) ?? ((await feedOutbox()) > 0 ? await claimBatch() : null);
    if (!batch) {
      more = false;
      break;
    }
    // Slots are reserved after a claim (never spent on an empty queue), once rendered.
    const sending: Promise<void> = sendClaimedBatch(batch, mailMode === "resend")
      .then(tally, (error) => logError("email-outbox", error))
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  // A campaign update whose last delivery just settled is now sent.
  if (totals.batches > 0) await finishUpdates();

  const boss = await getBoss();
  if (more) {
    await boss.send(QUEUES.emailOutbox, {});
    return totals;
  }
  const retryIn = await nextRetryInSeconds();
  if (retryIn !== null && retryIn < 60) {
    await boss.send(QUEUES.emailOutbox, {}, { startAfter: Math.max(1, Math.ceil(retryIn)), singletonKey: "retry" });
  }
  return totals;
}

/** The minute's log line, when mail is waiting: the oldest unsent transactional email's age is the number to watch. */
export async function logOutboxHealth(): Promise<void> {
  const [health, pace] = await Promise.all([outboxHealth(), paceState()]);
  if (health.queued + health.sending === 0 && !pace.rateLimited) return;
  console.log(
    `[email] ${health.queued} queued, ${health.sending} sending; oldest unsent transactional ${health.oldestUnsentTransactionalSeconds ?? 0} s` +
      (health.oldestUnsentBulkSeconds !== null ? `, bulk ${health.oldestUnsentBulkSeconds} s` : "") +
      (pace.rateLimited ? `; provider rate limit: ${pace.refusedInEpisode} refused, retrying in ${pace.blockedForSeconds} s` : ""),
  );
}
