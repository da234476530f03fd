import "server-only";
// Background work, in the app process (JOBS=on) or `npm run worker`: pg-boss workers
// for the email outbox (woken by signing, a retry, or every minute) and its minute
// health line, closing campaigns past their end date (every minute), the nightly purge
// of unconfirmed signatures and the recount of the counters. Every such process runs
// them; pg-boss hands each job to one, the outbox each email to one.
import { drainOutbox, logOutboxHealth } from "@/lib/email/outbox-worker";
import { purgeRateLimits } from "@/lib/rate-limit";
import { recountSignatures } from "@/lib/signatures/counts";
import { purgeUnconfirmedSignatures } from "@/lib/signatures/mutations";
import { getDb } from "@/db/client";
import { purgeExpiredDeletionRequests } from "@/lib/privacy/mutations";
import { closeExpiredCampaigns } from "@/lib/campaigns/mutations";
import { getBoss, QUEUES } from "./boss";

export async function startWorkers(): Promise<void> {
  const boss = await getBoss();
  await boss.work(QUEUES.emailOutbox, { pollingIntervalSeconds: 0.5 }, async () => {
    await drainOutbox();
  });
  await boss.work(QUEUES.emailHealth, async () => {
    await logOutboxHealth();
  });
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
  // End dates: pages already treat a passed one as closed; this writes it down (and audits it).
  await boss.work(QUEUES.closeExpiredCampaigns, async () => {
    const closed = await closeExpiredCampaigns();
    if (closed.length) console.log(`[jobs] closed ${closed.length} campaigns past their end date`);
  });
  await boss.schedule(QUEUES.emailOutbox, "* * * * *");
  // Email queued while no worker ran (a restart, a deploy) goes out now, not within the minute.
  await boss.send(QUEUES.emailOutbox, {});
  await boss.schedule(QUEUES.emailHealth, "* * * * *");
  await boss.schedule(QUEUES.purgeUnconfirmed, "17 3 * * *");
  await boss.schedule(QUEUES.recountSignatures, "47 3 * * *");
  await boss.schedule(QUEUES.closeExpiredCampaigns, "* * * * *");
}
