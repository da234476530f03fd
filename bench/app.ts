// Cut Ties under test: started as the README's PostgreSQL set-up runs it (the app's
// server with JOBS=off, email sent by `npm run worker`) in mail-capture mode, or as
// one process (BENCH_WORKER=in-app).
import postgres from "postgres";
import { SERVER_ENTRY, SERVER_NODE_FLAGS, WORKER_ARGS } from "../scripts/server-flags.mjs";
import type { AppUnderTest } from "./context";
import { SignatureTracker } from "./load";
import { Server, requireFreePort } from "./servers";
import {
  APP_DB, APP_DIST, APP_LOG, APP_PORT, APP_SECRET, CPU_PROF, PROF_DIR, ROOT, TSX_CLI, WORKER, WORKER_LOG,
  databaseUrl, log, relative,
} from "./settings";

export type StartedApp = AppUnderTest & { readyMs: number; stop(): Promise<void> };

export async function startApp(): Promise<StartedApp> {
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: APP_DIST,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl(APP_DB),
    APP_SECRET,
    // separate: the web process answers people, `npm run worker` sends the email (the
    // README's PostgreSQL set-up); in-app: one process does both (as embedded mode does).
    JOBS: WORKER === "separate" ? "off" : "on",
    PORT: String(APP_PORT),
  };
  delete appEnv.RESEND_API_KEY;
  appEnv.MAIL_CAPTURE = "on"; // confirmation emails are kept, not sent (PostgreSQL needs the choice said)
  // The load generator stands in for a proxy on this machine: a distinct X-Forwarded-For per request.
  appEnv.TRUST_PROXY = "loopback";
  delete appEnv.APP_URL;
  const nodeArgs = CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${PROF_DIR}`] : [];
  log(`starting the app on :${APP_PORT} (JOBS=${appEnv.JOBS}, mail capture; log: ${relative(APP_LOG)})${CPU_PROF ? `, profiling to ${relative(PROF_DIR)}` : ""}`);
  await requireFreePort(APP_PORT);
  // The app's own server, as `npm start` runs it (the bare route stays on `next start`).
  const app = new Server("app", APP_PORT, { cwd: ROOT, env: appEnv, logFile: APP_LOG, nodeArgs, args: [...SERVER_NODE_FLAGS, SERVER_ENTRY] });
  const readyMs = await app.waitUntilAnswering("/api/v1/campaigns");
  log(`app answering after ${(readyMs / 1000).toFixed(1)} s (migrated and seeded)`);
  const serverPgids = [app.pid];
  if (WORKER === "separate") {
    const worker = new Server("worker", 0, {
      cwd: ROOT,
      env: { ...appEnv, JOBS: "on" },
      logFile: WORKER_LOG,
      nodeArgs,
      args: [TSX_CLI, ...WORKER_ARGS],
    });
    const workerMs = await worker.waitForLog("[worker] running");
    log(`email worker (npm run worker) running after ${(workerMs / 1000).toFixed(1)} s (log: ${relative(WORKER_LOG)})`);
    serverPgids.push(worker.pid);
  }
  const db = postgres(databaseUrl(APP_DB), { max: 2, onnotice: () => {} });
  return {
    port: APP_PORT,
    serverPgids,
    db,
    signTracker: new SignatureTracker("app"),
    emailLog: WORKER === "separate" ? WORKER_LOG : APP_LOG,
    readyMs,
    async stop() {
      await db.end({ timeout: 5 });
      log("stopping the app…");
      await app.stop();
      // The worker is stopped with everything else at the end (cleanup.ts).
    },
  };
}

/** Outbox rows per status (queued, sent, …). */
export async function outboxStatus(db: postgres.Sql): Promise<Record<string, number>> {
  const rows = await db<{ status: string; n: number }[]>`select status, count(*)::int as n from email_outbox group by 1 order by 1`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
