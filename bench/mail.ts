// The bench's mail step: do confirmation emails keep up with signing, at the mail
// provider's pace? Runs alone or as the last step of `npm run bench`:
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/mail.ts
//
// Not mail-capture mode: the app (web process with JOBS=off) and `npm run worker` send
// through the real Resend SDK to the Resend stand-in in its own process, which admits
// BENCH_MAIL_RATE requests a second (Resend's default: 2) and answers the rest 429, as
// Resend does. Three phases, each followed by the wait until the last confirmation is out:
//   sustained  signing at BENCH_MAIL_CONNECTIONS (10) for BENCH_SECONDS (30);
//   burst      BENCH_MAIL_BURST signatures (600) as fast as 10 connections get them in;
//   backlog    the same burst signed while no worker runs, then sent: the pipeline's
//              capacity, whatever the app's signing rate on this machine.
// Reports emails/s delivered, requests/s, 429s, and that every accepted signature got
// exactly one email. Targets at 2 requests/s: ≥ 150 emails/s; the burst's last email out
// within 30 s of its end. Uses a scratch database (dropped after) and the .next-bench build.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { isBuildFresh } from "../scripts/build-freshness.mjs";
import { SERVER_ENTRY, SERVER_NODE_FLAGS, WORKER_ARGS } from "../scripts/server-flags.mjs";
import { spawnResendStandin, type RemoteStandin } from "../test/resend-standin";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const APP_DIST = ".next-bench";
const CAMPAIGN = "palantir-end-falcon-icm";
const SIGN_PATH = `/api/v1/campaigns/${CAMPAIGN}/signatures`;
const APP_SECRET = "cut-ties-bench-secret-not-for-production-0123456789";

export const MAIL_TARGETS = { emailsPerSec: 150, burstLastOutSeconds: 30 };

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[bench mail ${new Date().toISOString().slice(11, 19)}] ${line}`);
const round1 = (n: number) => Math.round(n * 10) / 10;

type Phase = {
  name: string;
  signatures: number;
  loadSeconds: number;
  /** From the end of the signing load to the last confirmation accepted by the provider. */
  lastOutAfterLoadSeconds: number | null;
  /** Emails delivered per second, from the first signature to the last email out. */
  emailsPerSec: number;
  /** The same over the time the provider was being sent to (first to last email out). */
  emailsPerSecWhileSending: number;
  requests: number;
  requestsPerSec: number;
  refused429: number;
  emails: number;
  /** Emails per request: 100 when the pipeline runs at its capacity. */
  batchFill: number;
  missing: number;
  duplicates: number;
  /** Emails to addresses the bench never sent (none expected). Requests cut off when a
   *  step ended may be stored, and mailed, without their 202 being read: not counted. */
  strangers: number;
};

export type MailBenchResult = { rate: number; phases: Phase[]; ok: boolean; targetsMet: boolean };

function startProcess(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a");
  // Its own process group, so stopping it stops what it started (tsx runs the worker in a child).
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  if ((await Promise.race([exited.then(() => "done"), sleep(10_000)])) !== "done") {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
}

async function build(logFile: string): Promise<void> {
  if (fs.existsSync(path.join(ROOT, APP_DIST, "BUILD_ID")) && isBuildFresh(APP_DIST)) return;
  log(`building the app into ${APP_DIST} (log: ${path.relative(ROOT, logFile)})…`);
  const child = startProcess([NEXT_BIN, "build"], { ...process.env, NEXT_DIST_DIR: APP_DIST, NEXT_TELEMETRY_DISABLED: "1" }, logFile);
  const code = await new Promise((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`next build failed (${code}); see ${logFile}`);
}

/** Signs through the public API; returns the addresses answered 202. */
function sign(port: number, opts: { prefix: string; connections: number; seconds?: number; amount?: number }) {
  const accepted = new Set<string>();
  const requested = new Set<string>();
  let seq = 0;
  const cannon = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds }),
    timeout: 10,
    headers: { "content-type": "application/json", "accept-language": "en" },
    requests: [
      {
        method: "POST",
        path: SIGN_PATH,
        setupRequest: (req, context) => {
          const n = ++seq;
          context.email = `${opts.prefix}-${n}@example.org`;
          requested.add(context.email as string);
          const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return { ...req, headers: { ...req.headers, "x-forwarded-for": ip }, body: JSON.stringify({ fullName: `Mail Bench ${n}`, email: context.email }) };
        },
        onResponse: (status, _body, context) => {
          if (status === 202) accepted.add(context.email as string);
        },
      },
    ],
  });
  return Promise.resolve(cannon).then((r: Result) => ({ accepted, requested, duration: r.duration }));
}

type Worker = { start(): Promise<void>; stop(): Promise<void> };

async function phase(
  name: string,
  port: number,
  standin: RemoteStandin,
  db: postgres.Sql,
  opts: Parameters<typeof sign>[1] & { worker?: Worker },
): Promise<Phase> {
  const before = (await standin.requests()).length;
  const sentBefore = (await standin.sent()).length;
  const started = Date.now();
  log(`${name}: signing (${opts.amount ? `${opts.amount} signatures` : `${opts.seconds} s`} at ${opts.connections} connections)…`);
  const { accepted, requested } = await sign(port, opts);
  const loadEnded = Date.now();
  log(`${name}: ${accepted.size} signatures accepted in ${round1((loadEnded - started) / 1000)} s; waiting for the last confirmation…`);
  if (opts.worker) await opts.worker.start();
  const deadline = loadEnded + 180_000;
  for (;;) {
    const [{ n }] = await db<{ n: number }[]>`select count(*)::int as n from email_outbox where status not in ('sent', 'failed')`;
    if (n === 0 || Date.now() > deadline) break;
    await sleep(200);
  }
  const sent = (await standin.sent()).slice(sentBefore).filter((m) => m.to[0]?.startsWith(`${opts.prefix}-`));
  const requests = (await standin.requests()).slice(before).filter((r) => r.method === "POST");
  const perRecipient = new Map<string, number>();
  for (const m of sent) perRecipient.set(m.to[0], (perRecipient.get(m.to[0]) ?? 0) + 1);
  const firstOut = Math.min(...sent.map((m) => m.receivedAt));
  // N requests span N - 1 intervals: the first request's emails are not counted in the rate.
  const firstKey = sent.find((m) => m.receivedAt === firstOut)?.idempotencyKey;
  const inFirstRequest = sent.filter((m) => m.idempotencyKey === firstKey).length;
  const lastOut = Math.max(...sent.map((m) => m.receivedAt));
  const sendingSeconds = Math.max(0.001, (lastOut - firstOut) / 1000);
  const sinceStart = Math.max(0.001, (lastOut - started) / 1000);
  const result: Phase = {
    name,
    signatures: accepted.size,
    loadSeconds: round1((loadEnded - started) / 1000),
    lastOutAfterLoadSeconds: sent.length ? round1((lastOut - loadEnded) / 1000) : null,
    emailsPerSec: round1(sent.length / sinceStart),
    emailsPerSecWhileSending: round1((sent.length - inFirstRequest) / sendingSeconds),
    requests: requests.length,
    requestsPerSec: round1(Math.max(0, requests.length - 1) / sendingSeconds),
    refused429: requests.filter((r) => r.status === 429).length,
    emails: sent.length,
    batchFill: round1(sent.length / Math.max(1, requests.filter((r) => r.status === 200).length)),
    missing: [...accepted].filter((a) => !perRecipient.has(a)).length,
    duplicates: [...perRecipient.values()].filter((n) => n > 1).length,
    strangers: [...perRecipient.keys()].filter((a) => !requested.has(a)).length,
  };
  log(
    `${name}: ${result.emails} emails for ${result.signatures} signatures (${result.missing} missing, ${result.duplicates} duplicated); ` +
      `last out ${result.lastOutAfterLoadSeconds} s after signing ended; ${result.emailsPerSec} emails/s from the first signature ` +
      `(${result.emailsPerSecWhileSending}/s while sending, ${result.batchFill} a request); ${result.requests} requests (${result.requestsPerSec}/s), ${result.refused429} refused (429)`,
  );
  return result;
}

/** The mail step. `port`: where the app listens (its worker needs none). */
export async function runMailBench(opts: { port?: number; runId?: string } = {}): Promise<MailBenchResult> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (the mail step needs a PostgreSQL server for its scratch database)");
  const port = opts.port ?? num("BENCH_MAIL_PORT", num("BENCH_PORT", 3310) + 2);
  const rate = num("BENCH_MAIL_RATE", 2);
  const burst = num("BENCH_MAIL_BURST", 600);
  const connections = num("BENCH_MAIL_CONNECTIONS", 10);
  const seconds = num("BENCH_SECONDS", 30);
  const runId = opts.runId ?? new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  fs.mkdirSync(RESULTS, { recursive: true });
  const appLog = path.join(RESULTS, `${runId}-mail-app.log`);
  const workerLog = path.join(RESULTS, `${runId}-mail-worker.log`);
  const name = `cut_ties_bench_mail_${crypto.randomBytes(3).toString("hex")}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;

  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const children: ChildProcess[] = [];
  let standin: RemoteStandin | undefined;
  let db: postgres.Sql | undefined;
  await admin.unsafe(`create database "${name}"`);
  const stopAll = async () => {
    await Promise.all(children.map(stopProcess));
    await standin?.close();
    await db?.end({ timeout: 5 }).catch(() => {});
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 }).catch(() => {});
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  try {
    await build(path.join(RESULTS, `${runId}-mail-build.log`));
    standin = await spawnResendStandin({ ratePerSecond: rate });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: APP_DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url.toString(),
      APP_SECRET,
      PORT: String(port),
      JOBS: "off",
      RESEND_API_KEY: "re_bench_mail",
      RESEND_BASE_URL: standin.url,
      MAIL_RATE_PER_SECOND: String(rate),
      // The per-IP limit is not what is measured here.
      SIGN_LIMIT_PER_IP: "100000000/600",
      // The load generator stands in for a proxy on this machine: a distinct X-Forwarded-For per request.
      TRUST_PROXY: "loopback",
    };
    delete env.APP_URL;
    log(`app on :${port} (JOBS=off) and npm run worker, sending to the Resend stand-in at ${rate} requests/s`);
    children.push(startProcess([...SERVER_NODE_FLAGS, SERVER_ENTRY], env, appLog));
    for (let t = Date.now(); ; await sleep(250)) {
      if (Date.now() - t > 120_000) throw new Error(`the app did not answer; see ${appLog}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/campaigns`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    let worker: ChildProcess | undefined;
    const workers: Worker = {
      async start() {
        const logged = fs.existsSync(workerLog) ? fs.readFileSync(workerLog, "utf8").split("[worker] running").length : 1;
        worker = startProcess([TSX_CLI, ...WORKER_ARGS], { ...env, JOBS: "on" }, workerLog);
        children.push(worker);
        for (let t = Date.now(); fs.readFileSync(workerLog, "utf8").split("[worker] running").length <= logged; await sleep(100)) {
          if (Date.now() - t > 60_000) throw new Error(`the worker did not start; see ${workerLog}`);
        }
      },
      async stop() {
        if (worker) await stopProcess(worker);
      },
    };
    await workers.start();
    db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    // Sustained first: it also warms the app up, so the burst is as quick as the app can take it.
    const phases = [
      await phase(`sustained ${seconds} s`, port, standin, db, { prefix: "mail-sustained", connections, seconds }),
      await phase(`burst of ${burst}`, port, standin, db, { prefix: "mail-burst", connections: 10, amount: burst }),
    ];
    // The pipeline's capacity, whatever the app's signing rate on this machine: the same
    // burst signed while no worker runs, then sent from a backlog.
    await workers.stop();
    phases.push(
      await phase(`backlog of ${burst}`, port, standin, db, { prefix: "mail-backlog", connections: 10, amount: burst, worker: workers }),
    );
    const ok = phases.every((p) => p.missing === 0 && p.duplicates === 0 && p.strangers === 0);
    const burstPhase = phases[1];
    const targetsMet =
      burstPhase.lastOutAfterLoadSeconds !== null &&
      burstPhase.lastOutAfterLoadSeconds <= MAIL_TARGETS.burstLastOutSeconds &&
      phases[2].emailsPerSecWhileSending >= MAIL_TARGETS.emailsPerSec;
    const result: MailBenchResult = { rate, phases, ok, targetsMet };
    fs.writeFileSync(path.join(RESULTS, `${runId}-mail.json`), JSON.stringify(result, null, 2));
    console.log(
      [
        "",
        `Mail at the provider's pace (${rate} requests/s, stand-in enforcing it; app JOBS=off + npm run worker):`,
        ...phases.map(
          (p) =>
            `  ${p.name.padEnd(16)} ${p.signatures} signed in ${p.loadSeconds} s → last email ${p.lastOutAfterLoadSeconds} s after; ` +
            `${p.emailsPerSecWhileSending} emails/s while sending, ${p.batchFill} a request (${p.emailsPerSec}/s from the first signature); ` +
            `${p.requestsPerSec} requests/s; ${p.refused429} of ${p.requests} refused (429); ${p.missing} missing, ${p.duplicates} duplicated`,
        ),
        `  (backlog: signed while no worker ran, then sent: the pipeline's capacity, whatever the signing rate)`,
        `  every accepted signature got exactly one email: ${ok ? "OK" : "NO"}; targets (backlog sent at ≥ ${MAIL_TARGETS.emailsPerSec} emails/s, ` +
          `burst's last out ≤ ${MAIL_TARGETS.burstLastOutSeconds} s after it): ${targetsMet ? "met" : "NOT met"}`,
        `  logs: ${path.relative(ROOT, appLog)}, ${path.relative(ROOT, workerLog)}`,
      ].join("\n"),
    );
    return result;
  } finally {
    process.off("SIGINT", onSignal);
    await stopAll();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runMailBench().then(
    (r) => process.exit(r.ok ? 0 : 1),
    (error) => {
      console.error(`bench mail failed: ${(error as Error).stack ?? error}`);
      process.exit(1);
    },
  );
}
