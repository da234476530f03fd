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
import { markInvalidationFailed, runInvalidation } from "@/lib/moderation/invalidations";
import { purgeExpiredDeletionRequests } from "@/lib/privacy/mutations";
import { purgeSignInRequests } from "@/lib/auth/purge";
import { syncAllCompanies, syncCompany } from "@/lib/facts/sync";
import { env } from "@/lib/env";
import { finishUpdates, startDueUpdates } from "@/lib/updates/sending";
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
  // Scheduled campaign updates start within the minute; finished sends are marked sent.
  await boss.work(QUEUES.updatesDue, async () => {
    const started = await startDueUpdates();
    await finishUpdates();
    if (started > 0) console.log(`[updates] started ${started} scheduled update${started === 1 ? "" : "s"}`);
  });
  await boss.work(QUEUES.purgeUnconfirmed, async () => {
    const purged = await purgeUnconfirmedSignatures();
    const windows = await purgeRateLimits(await getDb());
    const requests = await purgeExpiredDeletionRequests();
    const signIns = await purgeSignInRequests();
    console.log(`[jobs] purged ${purged} unconfirmed signatures, ${windows} rate-limit windows, ${requests} deletion requests, ${signIns} sign-in requests`);
  });
  await boss.work(QUEUES.recountSignatures, async () => {
    const drift = await recountSignatures();
    console.log(`[jobs] recount repaired ${drift.length} campaign counters`);
  });
  await boss.work<{ invalidationId: string }>(QUEUES.invalidateSignatures, async ([job]) => {
    try {
      const status = await runInvalidation(job.data.invalidationId);
      console.log(`[jobs] invalidation ${job.data.invalidationId} ${status}`);
    } catch (error) {
      await markInvalidationFailed(job.data.invalidationId);
      throw error;
    }
  });
  await boss.work<{ slug?: string; startedBy?: string }>(QUEUES.factsSync, async ([job]) => {
    const db = await getDb();
    const { slug, startedBy } = job?.data ?? {};
    if (slug) {
      const report = await syncCompany(db, slug, { startedBy });
      console.log(`[jobs] facts sync ${slug}: ${report.awardsNew} new, ${report.awardsUpdated} updated awards`);
    } else {
      const results = await syncAllCompanies(db, { startedBy });
      console.log(`[jobs] facts sync: ${results.filter((r) => r.report).length} companies refreshed, ${results.filter((r) => r.error).length} failed`);
    }
  });
  // The USAspending refresh runs on a schedule only when the operator turns it on.
  if (env.FACTS_SYNC === "on") await boss.schedule(QUEUES.factsSync, env.FACTS_SYNC_CRON);
  else await boss.unschedule(QUEUES.factsSync).catch(() => {});
  // End dates: pages already treat a passed one as closed; this writes it down (and audits it).
  await boss.work(QUEUES.closeExpiredCampaigns, async () => {
    const closed = await closeExpiredCampaigns();
    if (closed.length) console.log(`[jobs] closed ${closed.length} campaigns past their end date`);
  });
  await boss.schedule(QUEUES.emailOutbox, "* * * * *");
  // Email queued while no worker ran (a restart, a deploy) goes out now, not within the minute.
  await boss.send(QUEUES.emailOutbox, {});
  await boss.schedule(QUEUES.emailHealth, "* * * * *");
  await boss.schedule(QUEUES.updatesDue, "* * * * *");
  await boss.schedule(QUEUES.purgeUnconfirmed, "17 3 * * *");
  await boss.schedule(QUEUES.recountSignatures, "47 3 * * *");
  await boss.schedule(QUEUES.closeExpiredCampaigns, "* * * * *");
}
