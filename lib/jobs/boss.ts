import "server-only";
// The job queue (pg-boss) on the app's database: in-process on PGlite through its
// adapter, its own small pool on PostgreSQL. Queues are created on start.
import { PgBoss, fromPglite } from "pg-boss";
import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";

export const QUEUES = {
  sendEmail: "email-send",
  purgeUnconfirmed: "signatures-purge",
  recountSignatures: "signatures-recount",
} as const;

const holder = globalThis as unknown as { __cutTiesBoss?: Promise<PgBoss> };

/** The process's pg-boss, started (schema migrated, queues created); workers are separate. */
export function getBoss(): Promise<PgBoss> {
  holder.__cutTiesBoss ??= (async () => {
    const database = await getDatabase();
    const common = { schedule: env.JOBS === "on", supervise: env.JOBS === "on" };
    const boss =
      database.driver === "pglite"
        ? new PgBoss({ db: fromPglite(database.pglite!), backend: "pglite", ...common })
        : new PgBoss({ connectionString: env.DATABASE_URL!, max: 4, ...common });
    boss.on("error", (error) => logError("pg-boss", error));
    await boss.start();
    await boss.createQueue(QUEUES.sendEmail, {
      retryLimit: 12,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 120,
    });
    await boss.createQueue(QUEUES.purgeUnconfirmed);
    await boss.createQueue(QUEUES.recountSignatures);
    return boss;
  })().catch((error) => {
    holder.__cutTiesBoss = undefined;
    throw error;
  });
  return holder.__cutTiesBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = holder.__cutTiesBoss;
  holder.__cutTiesBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5000 });
}
