import "server-only";
// Background work in the app process: the email outbox worker, and pg-boss's
// nightly purge of unconfirmed signatures and recount of the counters. Every
// instance runs them; the outbox hands each email to one worker, pg-boss each job.
import { logError } from "@/lib/errors";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/email/outbox-worker";
import { purgeRateLimits } from "@/lib/rate-limit";
import { recountSignatures } from "@/lib/signatures/counts";
import { purgeUnconfirmedSignatures } from "@/lib/signatures/mutations";
import { getDb } from "@/db/client";
import { purgeExpiredDeletionRequests } from "@/lib/privacy/mutations";
import { getBoss, QUEUES } from "./boss";

export async function startWorkers(): Promise<void> {
  startOutboxWorker();
  const boss = await getBoss();
  await boss.work(QUEUES.purgeUnconfirmed, async () => {
    const purged = await purgeUnconfirmedSignatures();
    const windows = await purgeRateLimits(await getDb());
    const requests = await purgeExpiredDeletionRequests();
    console.log(`[jobs] purged ${purged} unconfirmed signatures, ${windows} rate-limit windows, ${requests} deletion requests`);
  });
  await boss.work(QUEUES.recountSignatures, async () => {
    const drift = await recountSignatures();
    console.log(`[jobs] recount repaired ${drift.length} campaign counters`);
  });
  await boss.schedule(QUEUES.purgeUnconfirmed, "17 3 * * *");
  await boss.schedule(QUEUES.recountSignatures, "47 3 * * *");
}

export async function stopWorkers(): Promise<void> {
  await stopOutboxWorker().catch((error) => logError("email-outbox", error));
}
