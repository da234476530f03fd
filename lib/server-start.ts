import "server-only";
import { closeDatabase, getDatabase } from "@/db/client";
import { DataDirInUseError } from "@/db/lock";
import { dbMode, env, mailMode, mailModeProblem } from "@/lib/env";
import { logError } from "@/lib/errors";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/workers";

// Set by server/index.mjs (the server `npm start` runs), which owns the stop signals:
// it stops taking requests, lets those in progress finish, then calls __cutTiesStopApp.
const holder = globalThis as unknown as { __cutTiesCustomServer?: boolean; __cutTiesStopApp?: () => Promise<void> };

export async function startServer(): Promise<void> {
  if (mailModeProblem) {
    // server/index.mjs refuses before Next.js starts; this covers `next start` and `next dev`.
    console.error(`\n[cut-ties] cannot start.\n${mailModeProblem}\n`);
    process.exit(2);
  }
  try {
    await getDatabase();
    // Every instance runs pg-boss, to send the outbox's wake-ups; only JOBS=on works on them.
    await getBoss();
    if (env.JOBS === "on") await startWorkers();
    console.log(
      `[cut-ties] database: ${dbMode === "embedded" ? `embedded (PGlite in ${env.DATA_DIR})` : "PostgreSQL (DATABASE_URL)"}; ` +
        `mail: ${mailMode === "capture" ? "capture, NOT SENT (kept at /dev/mailbox, readable from this machine only)" : "Resend"}; jobs: ${env.JOBS}`,
    );
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    logError("startup", error);
    process.exit(1);
  }
  const stopApp = async () => {
    await stopBoss();
    await closeDatabase();
  };
  if (holder.__cutTiesCustomServer) {
    holder.__cutTiesStopApp = stopApp;
    return;
  }
  const shutdown = async () => {
    try {
      await stopApp();
    } finally {
      process.exit(0);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
