import "server-only";
// Background work in the app process: email delivery, and the nightly purge of
// unconfirmed signatures and recount of the counters. Every instance runs the
// workers; pg-boss hands each job to one of them.
import { logError } from "@/lib/errors";
import { deliverOutboxEmail } from "@/lib/email/outbox";
import { purgeRateLimits } from "@/lib/rate-limit";
import { recountSignatures } from "@/lib/signatures/counts";
import { purgeUnconfirmedSignatures } from "@/lib/signatures/mutations";
import { getDb } from "@/db/client";
import { purgeExpiredDeletionRequests } from "@/lib/privacy/mutations";
import { getBoss, QUEUES } from "./boss";

export async function startWorkers(): Promise<void> {
  const boss = await getBoss();
  // Many emails per fetch, sent side by side, each settled on its own: a failed one is
  // retried with backoff while the rest complete. Fetching one job per poll would cap
  // delivery at a few emails a second, far behind a viral campaign's signatures.
  await boss.work<{ outboxId: string }>(
    QUEUES.sendEmail,
    { batchSize: 25, burstWhenBatchFull: true, perJobResults: true as const, pollingIntervalSeconds: 0.5, localConcurrency: 2 },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await deliverOutboxEmail(job.data.outboxId);
            return { id: job.id, status: "completed" as const };
          } catch (error) {
            logError("email-send", error);
            return { id: job.id, status: "failed" as const, output: { message: (error as Error).message } };
          }
        }),
      ),
  );
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
