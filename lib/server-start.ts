import "server-only";
import { closeDatabase, getDatabase } from "@/db/client";
import { DataDirInUseError } from "@/db/lock";
import { dbMode, env, mailMode } from "@/lib/env";
import { logError } from "@/lib/errors";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/workers";

export async function startServer(): Promise<void> {
  try {
    await getDatabase();
    // Every instance runs pg-boss, to send the outbox's wake-ups; only JOBS=on works on them.
    await getBoss();
    if (env.JOBS === "on") await startWorkers();
    console.log(
      `[cut-ties] database: ${dbMode === "embedded" ? `embedded (PGlite in ${env.DATA_DIR})` : "PostgreSQL (DATABASE_URL)"}; ` +
        `mail: ${mailMode === "capture" ? "capture (see /dev/mailbox)" : "Resend"}; jobs: ${env.JOBS}`,
    );
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    logError("startup", error);
    process.exit(1);
  }
  const shutdown = async () => {
    try {
      await stopBoss();
      await closeDatabase();
    } finally {
      process.exit(0);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
