// npm run worker — the app's background work without its web server: the email
// outbox and the nightly jobs. With PostgreSQL (DATABASE_URL), run web instances with
// JOBS=off and one or more of these, so sending email never takes CPU from answering
// people. In embedded mode the app runs this work itself (one process only).
process.env.JOBS = "on"; // this process exists to run them

async function main(): Promise<void> {
  const { closeDatabase, getDatabase } = await import("@/db/client");
  const { dbMode, mailModeProblem } = await import("@/lib/env");
  const { startWorkers } = await import("@/lib/jobs/workers");
  const { stopBoss } = await import("@/lib/jobs/boss");

  if (dbMode === "embedded") {
    console.error(
      "[worker] DATABASE_URL is not set. In embedded mode `npm start` runs the background work itself;\n" +
        "[worker] a separate worker needs PostgreSQL (two processes cannot share the embedded database).",
    );
    process.exit(2);
  }
  if (mailModeProblem) {
    console.error(`[worker] cannot start.\n${mailModeProblem}`);
    process.exit(2);
  }
  // Stop cleanly on a signal, even one that arrives while starting: the round in
  // progress finishes (pg-boss waits for it), then the connections close.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      try {
        await stopBoss();
        await closeDatabase();
      } finally {
        process.exit(0);
      }
    });
  }
  try {
    await getDatabase();
    await startWorkers();
    console.log("[worker] running: email outbox and nightly jobs (Ctrl-C to stop)");
  } catch (error) {
    console.error(`[worker] could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
