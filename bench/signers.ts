// The bench's signers step: can an organizer export and page through 100,000 signers?
// Runs alone or after the rest of `npm run bench`:
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/signers.ts
//
// On a scratch database (dropped after) with the app built into .next-bench (or
// BENCH_SIGNERS_DIST), started as `npm start` runs it: seeds an organizer with a session
// and a campaign, inserts BENCH_SIGNERS_SMALL (20,000) confirmed signers, downloads the
// CSV export through its route, grows the campaign to BENCH_SIGNERS_ROWS (100,000) and
// downloads it again, sampling the app process's resident memory every 20 ms during
// each download (memory should stay flat as rows grow). Then the signers table's first
// page and two searches (a common surname; one address) for BENCH_SIGNERS_SECONDS each
// at BENCH_SIGNERS_CONNECTIONS (1: an organizer's own page loads), reporting p99, beside
// the same page on a campaign with no signers (what rendering costs without them).
// Targets: export of 100,000 under 5 s; p99 under 100 ms. BENCH_SIGNERS_KEEP=1 keeps the
// database afterwards (to look at query plans); drop it yourself.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";
import { isBuildFresh } from "../scripts/build-freshness.mjs";
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from "../scripts/server-flags.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench", "results");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const APP_DIST = process.env.BENCH_SIGNERS_DIST || ".next-bench";
const APP_SECRET = "cut-ties-bench-secret-not-for-production-0123456789";

export const SIGNERS_TARGETS = { exportSeconds: 5, pageP99Ms: 100 };

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[bench signers ${new Date().toISOString().slice(11, 19)}] ${line}`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const mib = (kib: number) => round1(kib / 1024);

/** Resident memory (KiB) of every process in a process group: the app's server and anything it started. */
function groupRssKib(pgid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

type ExportRun = { round?: number; rows: number; seconds: number; firstByteMs: number; bytes: number; rssBeforeMiB: number; rssPeakMiB: number; rssGrowthMiB: number };

async function download(url: string, cookie: string, pgid: number): Promise<ExportRun> {
  const before = groupRssKib(pgid);
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, groupRssKib(pgid)); }, 20);
  const t0 = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByteMs) firstByteMs = Math.round(performance.now() - t0);
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, groupRssKib(pgid));
  return { rows: lines - 1, seconds: Math.round(seconds * 100) / 100, firstByteMs, bytes, rssBeforeMiB: mib(before), rssPeakMiB: mib(peak), rssGrowthMiB: mib(peak - before) };
}

type PageRun = { name: string; path: string; requests: number; non2xx: number; p50: number; p99: number; max: number };

async function pageLoad(port: number, name: string, urlPath: string, cookie: string, seconds: number, connections: number): Promise<PageRun> {
  const check = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { cookie } });
  const html = await check.text();
  if (!check.ok || !html.includes("<table")) throw new Error(`${urlPath} answered ${check.status} without a table`);
  const result = await autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections, duration: seconds, headers: { cookie, accept: "text/html" } });
  return { name, path: urlPath, requests: result.requests.total, non2xx: result.non2xx, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max };
}

async function seedSigners(db: postgres.Sql, campaignId: string, from: number, to: number): Promise<void> {
  // Names from small lists, so a surname search matches about one signer in forty.
  await db`
    insert into signatures (campaign_id, status, full_name, email, email_canonical, show_name, referral_code, referred_by,
                            updates_consent_at, created_at, validated_at)
    select ${campaignId}, 'validated',
           (array['Ana','Sam','Lee','María','José','Kim','Noor','Alex','Rosa','Wei','Omar','Lucía','Tom','Ines','Ravi','Maya'])[1 + i % 16]
             || ' ' || (array['Ortiz','Nguyen','Smith','García','Khan','Okafor','Silva','Cohen','Park','Rossi','Haddad','Müller',
                              'Lopez','Jones','Ivanova','Tanaka','Reyes','Brown','Ali','Kowalski','Moreau','Dubois','Santos',
                              'Yilmaz','Novak','Fischer','Hughes','Chen','Diaz','Wright','Patel','Sato','Mendes','Ibrahim',
                              'Larsen','Costa','Vargas','Murphy','Torres','Bauer'])[1 + (i / 16) % 40],
           'signer' || i || '@mail' || (i % 9) || '.example', 'signer' || i || '@mail' || (i % 9) || '.example',
           i % 3 = 0, 'b' || i, case when i % 5 = 0 then 'ref' || (i % 100) end,
           case when i % 2 = 0 then now() end,
           now() - make_interval(secs => ${to} - i), now() - make_interval(secs => ${to} - i) + interval '1 minute'
    from generate_series(${from}::int, ${to - 1}::int) as i`;
  await db`insert into signature_count_shards (campaign_id, shard, confirmed) values (${campaignId}, 0, ${to - from})
           on conflict (campaign_id, shard) do update set confirmed = signature_count_shards.confirmed + ${to - from}`;
  await db`vacuum analyze signatures`;
}

function startApp(port: number, databaseUrl: string, logFile: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: APP_DIST, NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl, APP_SECRET, JOBS: "off", MAIL_CAPTURE: "on", PORT: String(port),
  };
  delete env.RESEND_API_KEY;
  delete env.APP_URL;
  const out = fs.openSync(logFile, "a");
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true });
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try { process.kill(-child.pid!, "SIGTERM"); } catch { return; }
  if ((await Promise.race([exited.then(() => "done"), sleep(10_000)])) !== "done") {
    try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ }
  }
}

export type SignersBenchResult = { exports: ExportRun[]; pages: PageRun[]; ok: boolean; targetsMet: boolean };

export async function runSignersBench(opts: { runId?: string } = {}): Promise<SignersBenchResult> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is not set");
  const port = num("BENCH_SIGNERS_PORT", num("BENCH_PORT", 3310) + 3);
  const small = num("BENCH_SIGNERS_SMALL", 20_000);
  const total = num("BENCH_SIGNERS_ROWS", 100_000);
  const seconds = num("BENCH_SIGNERS_SECONDS", 10);
  const connections = num("BENCH_SIGNERS_CONNECTIONS", 1);
  const runId = opts.runId ?? new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  fs.mkdirSync(RESULTS, { recursive: true });
  const appLog = path.join(RESULTS, `${runId}-signers-app.log`);
  const dbName = `cut_ties_bench_signers_${crypto.randomBytes(3).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  let app: ChildProcess | null = null;
  let db: postgres.Sql | null = null;
  const stopOnSignal = () => { if (app) process.kill(-app.pid!, "SIGKILL"); void admin.unsafe(`drop database if exists "${dbName}" with (force)`).finally(() => process.exit(130)); };
  process.once("SIGINT", stopOnSignal);
  try {
    if (!(fs.existsSync(path.join(ROOT, APP_DIST, "BUILD_ID")) && isBuildFresh(APP_DIST))) {
      log(`building the app into ${APP_DIST}…`);
      const built = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: APP_DIST }, stdio: "ignore" });
      if (built.status !== 0) throw new Error("next build failed");
    }
    await admin.unsafe(`create database "${dbName}"`);
    app = startApp(port, url.toString(), appLog);
    const t0 = Date.now();
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the app exited; see ${appLog}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/campaigns`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() - t0 > 120_000) throw new Error(`the app did not answer; see ${appLog}`);
      await sleep(500);
    }
    log(`app on :${port} after ${round1((Date.now() - t0) / 1000)} s (log: ${path.relative(ROOT, appLog)})`);
    db = postgres(url.toString(), { max: 2, onnotice: () => {} });
    const token = crypto.randomBytes(32).toString("base64url");
    const [{ id: userId }] = await db`insert into users (email, name) values ('bench-organizer@example.org', 'Bench') returning id`;
    const [{ id: groupId }] = await db`insert into groups (slug, name) values ('bench-group', 'Bench group') returning id`;
    await db`insert into group_members (group_id, user_id, role) values (${groupId}, ${userId}, 'organizer')`;
    await db`insert into sessions (session_token, user_id, expires) values (${token}, ${userId}, now() + interval '1 day')`;
    const [{ id: campaignId }] = await db`insert into campaigns (slug, group_id, status, title, ask, story)
      values ('bench-signers', ${groupId}, 'live', 'Bench signers', 'Cut ties.', 'Why.') returning id`;
    // The same page on a campaign nobody signed: what the page costs without the signers.
    const [{ id: emptyId }] = await db`insert into campaigns (slug, group_id, status, title, ask, story)
      values ('bench-empty', ${groupId}, 'live', 'Bench empty', 'Cut ties.', 'Why.') returning id`;
    const cookie = `authjs.session-token=${token}`;
    const base = `/dashboard/campaigns/${campaignId}/signers`;
    const exportUrl = `http://127.0.0.1:${port}${base}/export`;

    const exports: ExportRun[] = [];
    for (const [from, to] of [[0, small], [small, total]]) {
      log(`seeding signers ${from}…${to}`);
      await seedSigners(db, campaignId, from, to);
      // Twice: memory that only grows from one download to the next would be a leak; the
      // first also warms the route. Both are reported.
      for (const round of [1, 2]) {
        const run = await download(exportUrl, cookie, app.pid!);
        if (run.rows !== to) throw new Error(`the export held ${run.rows} rows, expected ${to}`);
        exports.push({ ...run, round });
        log(`export of ${run.rows} rows (#${round}): ${run.seconds} s (first bytes after ${run.firstByteMs} ms), ${round1(run.bytes / 1e6)} MB; app RSS ${run.rssBeforeMiB} → peak ${run.rssPeakMiB} MiB (+${run.rssGrowthMiB})`);
      }
    }
    const pages: PageRun[] = [];
    for (const [name, pagePath] of [
      ["baseline: the page, no signers", `/dashboard/campaigns/${emptyId}/signers`],
      ["first page", base], ["search: a surname", `${base}?q=ortiz`], ["search: one address", `${base}?q=signer${total - 7}@`],
    ]) {
      const page = await pageLoad(port, name, pagePath, cookie, seconds, connections);
      pages.push(page);
      log(`${name}: ${page.requests} requests, p50 ${page.p50} ms, p99 ${page.p99} ms, max ${page.max} ms${page.non2xx ? `, ${page.non2xx} non-2xx` : ""}`);
    }
    const ok = pages.every((p) => p.non2xx === 0);
    const targetsMet = exports[exports.length - 1].seconds < SIGNERS_TARGETS.exportSeconds && pages.slice(1).every((p) => p.p99 < SIGNERS_TARGETS.pageP99Ms);
    const result = { exports, pages, ok, targetsMet };
    console.log("");
    console.log("| signers step | figure | target |");
    console.log("|---|---|---|");
    for (const e of exports) console.log(`| export ${e.rows.toLocaleString("en-US")} rows #${e.round} | ${e.seconds} s (first bytes ${e.firstByteMs} ms), app RSS peak +${e.rssGrowthMiB} MiB (${e.rssPeakMiB} MiB) | ${e.rows === total ? `< ${SIGNERS_TARGETS.exportSeconds} s, flat` : "flat"} |`);
    for (const [i, p] of pages.entries()) {
      console.log(`| ${p.name}${i ? ` (${total.toLocaleString("en-US")} signers)` : ""}, ${connections} conn. | p99 ${p.p99} ms (p50 ${p.p50}) | ${i ? `< ${SIGNERS_TARGETS.pageP99Ms} ms` : "-"} |`);
    }
    fs.writeFileSync(path.join(RESULTS, `${runId}-signers.json`), JSON.stringify({ runId, total, small, connections, seconds, ...result }, null, 2));
    log(targetsMet ? "targets met" : "TARGETS MISSED");
    return result;
  } finally {
    process.off("SIGINT", stopOnSignal);
    await db?.end({ timeout: 5 });
    if (app) await stopApp(app);
    if (process.env.BENCH_SIGNERS_KEEP === "1") log(`kept the database ${dbName} (BENCH_SIGNERS_KEEP=1): drop it when done`);
    else await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runSignersBench().then((r) => process.exit(r.ok ? 0 : 1), (error) => { console.error(error); process.exit(1); });
}
