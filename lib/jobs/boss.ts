import "server-only";
// The job queue (pg-boss) on the app's database: in-process on PGlite through its
// adapter, its own small pool on PostgreSQL. Queues are created on start.
import { PgBoss, fromPglite } from "pg-boss";
import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/database-unavailable";
import { logError } from "@/lib/errors";
import { processSingleton } from "@/lib/process-singleton";

export const QUEUES = {
  emailOutbox: "email-outbox",
  emailHealth: "email-health",
  purgeUnconfirmed: "signatures-purge",
  recountSignatures: "signatures-recount",
  invalidateSignatures: "signatures-invalidate",
  factsSync: "facts-sync",
  updatesDue: "updates-due",
  closeExpiredCampaigns: "campaigns-close-expired",
} as const;

const boss = processSingleton(
  "boss",
  async () => {
    const database = await getDatabase();
    const common = { schedule: env.JOBS === "on", supervise: env.JOBS === "on" };
    const queue =
      database.driver === "pglite"
        ? new PgBoss({ db: fromPglite(database.pglite!), backend: "pglite", ...common })
        : new PgBoss({ connectionString: env.DATABASE_URL!, max: 4, ...common });
    // A worker's failure arrives as a plain object naming its queue (logError reads its message).
    // While the database is away every queue's poll fails each second: one short line per
    // 10 s then, not a stack per poll (lib/database-unavailable.ts).
    queue.on("error", (error: unknown) => {
      const name = (error as { queue?: unknown } | null)?.queue;
      const where = typeof name === "string" ? `pg-boss ${name}` : "pg-boss";
      if (isDatabaseUnavailable(error)) noteDatabaseUnavailable("pg-boss", error);
      else logError(where, error);
    });
    await queue.start();
    // Wake-ups for the email outbox: at most one waiting (per singleton key), any number
    // running; a failed round is tried again (each email keeps its own retries).
    await queue.createQueue(QUEUES.emailOutbox, { policy: "short", retryLimit: 5, retryDelay: 5, retryBackoff: true });
    await queue.createQueue(QUEUES.emailHealth, { policy: "short" });
    await queue.createQueue(QUEUES.updatesDue, { policy: "short" });
    await queue.createQueue(QUEUES.purgeUnconfirmed);
    await queue.createQueue(QUEUES.recountSignatures);
    // Admins' bulk invalidations: one job runs one to its end or its cancel; a failure is marked, not retried.
    await queue.createQueue(QUEUES.invalidateSignatures, { retryLimit: 0 });
    // One refresh running and at most one waiting: a request while one waits is the same request.
    await queue.createQueue(QUEUES.factsSync, { policy: "stately" });
    await queue.createQueue(QUEUES.closeExpiredCampaigns, { policy: "short" });
    return queue;
  },
  (queue) => queue.stop({ graceful: true, timeout: 5000 }),
);

/** The process's pg-boss, started (schema migrated, queues created); workers are separate. */
export const getBoss = boss.get;
/** The process's pg-boss if it is running (started at server start); never starts one. */
export const runningBoss = boss.peek;
export const stopBoss = boss.close;
