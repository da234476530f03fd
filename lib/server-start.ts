import "server-only";
import { closeDatabase, getDatabase } from "@/db/client";
import { DataDirInUseError } from "@/db/lock";
import { dbMode, env, mailMode } from "@/lib/env";
import { logError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers, stopWorkers } from "@/lib/jobs/workers";

export async function startServer(): Promise<void> {
  try {
    await getDatabase();
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
      await stopWorkers();
      await stopBoss();
      await closeDatabase();
    } finally {
      process.exit(0);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
