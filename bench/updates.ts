// The bench's updates step: an organizer's update to a viral campaign's 100,000 signers.
// Runs alone or as the last step of `npm run bench` (BENCH_UPDATES=off skips it):
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/updates.ts
//
//   enqueue  the send's start: one INSERT … SELECT queues a delivery row and a bulk
//            outbox email per recipient. Time and the process's peak memory (target < 10 s).
//   deliver  `npm run worker` sends it to the Resend stand-in (its own process, keeping no
//            bodies) with the rate limit raised to BENCH_UPDATES_RATE requests/s (20):
//            messages/s, and per address from the stand-in: duplicates and lost (both 0).
//   confirm  while it sends, a confirmation email is queued every 2 s: its delay from
//            queued to accepted by the provider (transactional mail goes first).
// A scratch database (dropped after); the stand-in on BENCH_PORT + 4.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { WORKER_ARGS } from "../scripts/server-flags.mjs";
import { spawnResendStandin } from "../test/resend-standin";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const RESULTS = path.join(ROOT, "bench", "results");
const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
const RECIPIENTS = num("BENCH_UPDATES_RECIPIENTS", 100_000);
const RATE = num("BENCH_UPDATES_RATE", 20);
// The stand-in's port: BENCH_PORT + 4 (the app uses BENCH_PORT, the mail step + 2, the signers step + 3).
const PORT = num("BENCH_PORT", 3986) + 4;
export const UPDATE_TARGETS = { enqueueSeconds: 10, duplicates: 0, lost: 0 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[bench updates ${new Date().toISOString().slice(11, 19)}] ${line}`);

function run(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  return child;
}
const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  try { process.kill(-child.pid!, "SIGTERM"); } catch { return; }
  if ((await Promise.race([done.then(() => "x"), sleep(10_000)])) !== "x") try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ }
}

export type UpdatesBenchResult = {
  recipients: number; enqueueMs: number; enqueuePeakRssMb: number; deliverSeconds: number; messagesPerSec: number;
  requestsPerSec: number; duplicates: number; lost: number; confirmationDelaysMs: number[]; ok: boolean;
};

export async function runUpdatesBench(opts: { runId?: string } = {}): Promise<UpdatesBenchResult> {
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error("DATABASE_URL is required (a PostgreSQL server to create a scratch database on)");
  const runId = opts.runId ?? new Date().toISOString().replace(/[:.]/g, "-");
  const name = `cut_ties_bench_updates_${crypto.randomBytes(4).toString("hex")}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const logFile = path.join(RESULTS, `${runId}-updates.log`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: url.toString(), JOBS: "on", APP_SECRET: "cut-ties-bench-secret-not-for-production-0123456789",
    RESEND_API_KEY: "re_bench_updates", MAIL_RATE_PER_SECOND: String(RATE), MAIL_CAPTURE: "off", NODE_ENV: "production" as const,
  };
  const server = postgres(admin, { max: 1, onnotice: () => {} });
  await server.unsafe(`create database ${name}`);
  const db = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const children: ChildProcess[] = [];
  const standin = await spawnResendStandin({ ratePerSecond: RATE, light: true, port: PORT });
  try {
    log(`migrating ${name}; ${RECIPIENTS.toLocaleString("en")} signers; stand-in at ${RATE} requests/s (log: ${path.relative(ROOT, logFile)})`);
    const migrate = run([TSX_CLI, "--conditions=react-server", "scripts/db-migrate.ts"], env, logFile);
    if ((await exited(migrate)) !== 0) throw new Error(`migrations failed; see ${logFile}`);
    const [group] = await db`insert into groups (slug, name, postal_address) values ('bench', 'Bench Group', 'PO Box 1, Oakland CA') returning id`;
    const [campaign] = await db`insert into campaigns (slug, group_id, status, title, ask, story) values ('bench-viral', ${group.id}, 'live', 'Bench', 'Ask', 'Story') returning id`;
    await db`insert into signatures (campaign_id, status, full_name, email, email_canonical, locale, referral_code, updates_consent_text, updates_consent_at, validated_at)
             select ${campaign.id}, 'validated', 'Signer ' || i, 'u' || i || '@example.org', 'u' || i || '@example.org',
                    (case when i % 3 = 0 then 'es' else 'en' end)::locale, 'r' || i, 'Email me updates', now(), now()
             from generate_series(1, ${RECIPIENTS}::int) as i`;
    await db`vacuum analyze signatures`;
    const [update] = await db`insert into campaign_updates (group_id, campaign_id, subject, subject_es, body, body_es)
      values (${group.id}, ${campaign.id}, 'Amazon answered', 'Amazon respondió', 'They wrote back. **Thank you.**', 'Respondieron. **Gracias.**') returning id`;

    // enqueue
    const out: string[] = [];
    const enqueue = spawn(process.execPath, [TSX_CLI, "--require", "./scripts/server-only-shim.cjs", "bench/updates-enqueue.ts", update.id], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    enqueue.stdout!.on("data", (d) => out.push(String(d)));
    if ((await exited(enqueue)) !== 0) throw new Error("enqueue failed");
    const enq = JSON.parse(out.join("").trim().split("\n").pop()!) as { queued: number; ms: number; peakRssMb: number; maxRssMb: number };
    log(`enqueue: ${enq.queued.toLocaleString("en")} deliveries in ${(enq.ms / 1000).toFixed(2)} s; peak RSS ${enq.maxRssMb} MB`);

    // deliver, with confirmations queued along the way
    const worker = run([TSX_CLI, ...WORKER_ARGS], { ...env, RESEND_BASE_URL: standin.url }, logFile);
    children.push(worker);
    const confirmations: string[] = [];
    const t0 = Date.now();
    for (;;) {
      const [{ left }] = await db`select count(*)::int as left from update_deliveries where status = 'queued'`;
      if (left === 0) break;
      if (Date.now() - t0 > 30 * 60_000) throw new Error(`delivery did not finish in 30 minutes (${left} left)`);
      const [sig] = await db`insert into signatures (campaign_id, full_name, email, email_canonical, referral_code)
        values (${campaign.id}, 'Late Signer', ${`late${confirmations.length}@example.org`}, ${`late${confirmations.length}@example.org`}, ${`late${confirmations.length}`}) returning id`;
      const [row] = await db`insert into email_outbox (kind, signature_id, to_address) values ('signature_confirmation', ${sig.id}, ${`late${confirmations.length}@example.org`}) returning id`;
      confirmations.push(row.id);
      await sleep(2000);
    }
    const [span] = await db`select extract(epoch from max(sent_at) - min(sent_at))::float8 as s, count(*)::int as n from update_deliveries where status = 'sent'`;
    const deliverSeconds = Number(span.s);
    await sleep(3000); // the last confirmations
    const delays = await db`select extract(epoch from sent_at - created_at)::float8 * 1000 as ms from email_outbox where id in ${db(confirmations)} and sent_at is not null`;
    const confirmationDelaysMs = delays.map((r) => Math.round(Number(r.ms))).sort((a, b) => a - b);
    const counts = await standin.recipients();
    let duplicates = 0;
    let lost = 0;
    for (let i = 1; i <= RECIPIENTS; i++) {
      const n = counts[`u${i}@example.org`] ?? 0;
      if (n === 0) lost += 1;
      if (n > 1) duplicates += 1;
    }
    const requests = (await standin.requests()).filter((r) => r.path === "/emails/batch" && r.status === 200).length;
    const result: UpdatesBenchResult = {
      recipients: RECIPIENTS, enqueueMs: enq.ms, enqueuePeakRssMb: enq.maxRssMb, deliverSeconds,
      messagesPerSec: Math.round(span.n / Math.max(deliverSeconds, 0.001)), requestsPerSec: Math.round((requests / Math.max(deliverSeconds, 0.001)) * 10) / 10,
      duplicates, lost, confirmationDelaysMs,
      ok: enq.ms < UPDATE_TARGETS.enqueueSeconds * 1000 && duplicates === 0 && lost === 0,
    };
    const median = confirmationDelaysMs[Math.floor(confirmationDelaysMs.length / 2)] ?? null;
    console.log(
      [
        "", `Update to ${RECIPIENTS.toLocaleString("en")} signers (stand-in at ${RATE} requests/s)`,
        `  enqueue            ${(enq.ms / 1000).toFixed(2)} s (target < ${UPDATE_TARGETS.enqueueSeconds} s), peak RSS ${enq.maxRssMb} MB`,
        `  deliver            ${deliverSeconds.toFixed(1)} s: ${result.messagesPerSec} messages/s, ${result.requestsPerSec} requests/s`,
        `  duplicates / lost  ${duplicates} / ${lost} (both must be 0)`,
        `  confirmation delay while sending: median ${median ?? "—"} ms, max ${confirmationDelaysMs.at(-1) ?? "—"} ms (${confirmationDelaysMs.length} sent of ${confirmations.length})`,
        `  ${result.ok ? "targets met" : "TARGETS MISSED"}`, "",
      ].join("\n"),
    );
    fs.writeFileSync(path.join(RESULTS, `${runId}-updates.json`), JSON.stringify(result, null, 2));
    return result;
  } finally {
    for (const child of children) await stop(child);
    await standin.close();
    await db.end({ timeout: 5 });
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end({ timeout: 5 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runUpdatesBench().then(
    (r) => process.exit(r.ok ? 0 : 1),
    (error) => {
      console.error(`bench updates failed: ${(error as Error).stack ?? error}`);
      process.exit(1);
    },
  );
}
