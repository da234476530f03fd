// `npm run bench`: the signing path's throughput against its ceilings, and the
// campaign page as people open it (plain, share links, tracking links).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
//
// Creates two scratch databases on that server, builds and starts Cut Ties on one and
// a bare one-INSERT Next.js route (bench/bare-app) on the other, measures pgbench's
// single-row INSERT rate and the bare route, then runs the steps against the app
// (APP_STEPS below), checks that every accepted (202) signature was stored, prints a
// table against the targets, writes the raw figures to bench/results/<timestamp>.json
// and drops the databases (also on failure and Ctrl-C). See bench/README.md.
//
//   settings.ts  options, paths, targets     servers.ts  processes (test/processes.ts)
//   builds.ts    next build when stale       cpu.ts      who used the cores
//   load.ts      autocannon steps            pgbench.ts  the database's ceiling
//   app.ts       Cut Ties under test         checks.ts   stored rows, email drain
//   steps/       one module per step         report.ts   the table and the JSON
//   mail.ts      the mail step, run after the rest on its own database, app and stand-in
//   updates.ts   an update to 100,000 signers: enqueue, delivery, confirmations meanwhile
//   signers.ts   the signers step (export, table, search on 100,000 signers), last, on its own database and app
import { spawnSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { startApp } from "./app";
import { buildApps } from "./builds";
import { drainEmail, signatureRows, verifyStored } from "./checks";
import { cleanUpOnExit, cleanup, createdDatabases, setAdmin } from "./cleanup";
import { newRun, type AppStep } from "./context";
import { QUIET_CORES, othersBusy } from "./cpu";
import { report } from "./report";
import { requireFreePort } from "./servers";
import { APP_DB, APP_PORT, BARE_DB, BARE_PORT, CONCURRENCY, DATABASE_URL, ROOT, RUN_ID, SECONDS, WAIT_QUIET_SECONDS, databaseUrl, log } from "./settings";
import { bareRouteStep } from "./steps/bare-route";
import { jsWeightStep } from "./steps/js-weight";
import { pageWhileSigningStep } from "./steps/page-while-signing";
import { viralMixStep } from "./steps/viral-mix";
import { pageSteps } from "./steps/pages";
import { pgbenchStep } from "./steps/pgbench";
import { signingSteps } from "./steps/signing";
import { runMailBench } from "./mail";
import { runUpdatesBench } from "./updates";
import { runSignersBench } from "./signers";
import { runFactsImportBench } from "./facts-import";

// The steps against the running app, in order. A new step is a module in bench/steps/
// exporting an AppStep, listed here; what it records with run.record() appears in the
// table and the JSON. The page comes first, while no email backlog competes for the CPU.
// (The mail step, bench/mail.ts, brings its own app and database: it runs after these,
// once they are stopped; see the end of this file.)
const APP_STEPS: AppStep[] = [jsWeightStep, pageSteps, signingSteps, pageWhileSigningStep, viralMixStep];

cleanUpOnExit();

async function main(): Promise<number> {
  const t0 = Date.now();
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  setAdmin(admin);
  const [{ version }] = await admin<{ version: string }[]>`select version()`;
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "app", "lib", "db", "components", "emails", "proxy.ts", "next.config.ts"],
    { cwd: ROOT, encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).length;
  log(`run ${RUN_ID}: ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}, node ${process.version}`);
  log(`PostgreSQL: ${version.split(",")[0]}; app at ${git}${dirty ? ` + ${dirty} uncommitted app files` : ""}`);
  log(`steps of ${SECONDS} s at concurrency ${CONCURRENCY.join(", ")}; databases ${APP_DB}, ${BARE_DB}`);

  await requireFreePort(APP_PORT);
  await requireFreePort(BARE_PORT);

  // The 2 cores are shared with whatever else runs here: wait (a while) for them to be quiet.
  let busyBefore = await othersBusy();
  const waitStart = Date.now();
  while (busyBefore > QUIET_CORES && Date.now() - waitStart < WAIT_QUIET_SECONDS * 1000) {
    log(`other processes use ${busyBefore} cores; waiting for < ${QUIET_CORES} (up to ${WAIT_QUIET_SECONDS} s, BENCH_WAIT_QUIET)…`);
    busyBefore = await othersBusy();
  }
  log(`before the run, other processes used ${busyBefore} of ${os.cpus().length} cores` +
    (busyBefore > QUIET_CORES ? " — WARNING: the machine is busy; figures will be low and noisy" : ""));

  for (const name of [APP_DB, BARE_DB]) {
    await admin.unsafe(`create database "${name}"`);
    createdDatabases.add(name);
  }

  const builds = await buildApps();
  const run = newRun();

  // The ceilings: the database's own INSERT rate, then a bare Next.js route, each alone.
  const bareDb = postgres(databaseUrl(BARE_DB), { max: 2, onnotice: () => {} });
  await pgbenchStep(run, bareDb);
  await bareRouteStep(run, bareDb);
  await bareDb.end({ timeout: 5 });

  // Cut Ties.
  const app = await startApp();
  const rowsBefore = await signatureRows(app);
  for (const step of APP_STEPS) {
    log(`step: ${step.name}`);
    await step.run(app, run);
  }
  const verification = await verifyStored(app, rowsBefore);
  const email = await drainEmail(app);
  await app.stop();

  return report(run, {
    t0,
    busyBefore,
    machine: { postgres: version, git, uncommittedAppFiles: dirty },
    builds,
    appReadyMs: app.readyMs,
    verification,
    email,
  });
}

main()
  .then(async (code) => {
    await cleanup();
    log(`databases dropped, servers stopped`);
    // The mail step (bench/mail.ts): its own database, app and worker, sending to a rate-limited Resend stand-in.
    if (process.env.BENCH_MAIL !== "off" && !(await runMailBench({ runId: RUN_ID })).ok) code = 1;
    // The updates step (bench/updates.ts): an update to 100,000 signers, enqueued and delivered to the stand-in.
    if (process.env.BENCH_UPDATES !== "off" && !(await runUpdatesBench({ runId: RUN_ID })).ok) code = 1;
    // The signers step (bench/signers.ts): export and table on 100,000 signers, its own database and app.
    if (process.env.BENCH_SIGNERS !== "off" && !(await runSignersBench({ runId: RUN_ID })).ok) code = 1;
    // The USAspending import (bench/facts-import.ts): a generated 200,000-row file, its own scratch database.
    if (process.env.BENCH_FACTS !== "off") {
      try {
        await runFactsImportBench({ databaseUrl: DATABASE_URL, log });
      } catch (error) {
        log(`facts import bench failed: ${(error as Error).message}`);
        code = 1;
      }
    }
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`bench failed: ${(error as Error).stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
