// `npm run bench`: the signing path's throughput against its ceilings.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
//
// Creates two scratch databases on that server, builds and starts Cut Ties on one and
// a bare one-INSERT Next.js route (bench/bare-app) on the other, loads both with
// autocannon at rising concurrency, measures pgbench's single-row INSERT rate, and
// the campaign page alone and while signing runs. Then checks that every accepted
// (202) signature was stored, prints a table against the targets, writes the raw
// figures to bench/results/<timestamp>.json and drops the databases (also on
// failure and Ctrl-C). See bench/README.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Instance, type Result } from "autocannon";
import postgres from "postgres";
import { isBuildFresh } from "../scripts/build-freshness.mjs";
import { SERVER_ENTRY, SERVER_NODE_FLAGS, WORKER_ARGS } from "../scripts/server-flags.mjs";
import { runMailBench } from "./mail";

// ---------------------------------------------------------------------------------
// Settings

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH = path.join(ROOT, "bench");
const BARE_APP = path.join(BENCH, "bare-app");
const RESULTS = path.join(BENCH, "results");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const APP_DIST = ".next-bench";

const CAMPAIGN = "palantir-end-falcon-icm";
const SIGN_PATH = `/api/v1/campaigns/${CAMPAIGN}/signatures`;
const PAGE_PATH = `/campaigns/${CAMPAIGN}`;
const BARE_PATH = "/api/insert";

const TARGETS = {
  acceptedPerSec: 330,
  ofBare: 0.5,
  signP99Ms: 250,
  pagePerSec: 1000,
  pageP99Ms: 100,
};

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) usage(`${name} must be a positive number (got "${raw}")`);
  return value;
}

function listEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(",").map((s) => Number(s.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) usage(`${name} must be a comma-separated list of integers`);
  return values;
}

function usage(problem: string): never {
  console.error(`bench: ${problem}

Run it against a PostgreSQL server it may create databases on, e.g.:

  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench

Options (environment):
  BENCH_SECONDS=30             seconds per load step (5 for a smoke run)
  BENCH_CONCURRENCY=10,50,100  connections for the signing and bare-route steps
  BENCH_PAGE_CONNECTIONS=50    connections for the campaign page
  BENCH_MIXED_SIGN_CONNECTIONS=50  signing connections while the page is loaded
  BENCH_PGBENCH_SECONDS=10     seconds per pgbench run
  BENCH_DRAIN_SECONDS=15       how long to let the email worker drain at the end
  BENCH_WAIT_QUIET=60          wait up to this long for other processes to leave the cores idle
  BENCH_PORT=3310              app port (the bare route uses the next one); 3300-3398
  BENCH_BUILD=auto             auto: build when the sources are newer than the build; always; never
                               (never: use the existing builds, e.g. while the working tree is mid-edit)
  BENCH_WORKER=separate        separate: the app with JOBS=off plus \`npm run worker\` for email;
                               in-app: one process does both (JOBS=on)
  BENCH_CPU_PROF=1             run the app under --cpu-prof (profiles in bench/results/<run>-prof/)
`);
  process.exit(1);
}

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) usage("DATABASE_URL is not set.");

const SECONDS = numberEnv("BENCH_SECONDS", 30);
const CONCURRENCY = listEnv("BENCH_CONCURRENCY", [10, 50, 100]);
const PAGE_CONNECTIONS = numberEnv("BENCH_PAGE_CONNECTIONS", 50);
const MIXED_SIGN_CONNECTIONS = numberEnv("BENCH_MIXED_SIGN_CONNECTIONS", 50);
const PGBENCH_SECONDS = Math.round(numberEnv("BENCH_PGBENCH_SECONDS", Math.min(10, SECONDS)));
const DRAIN_SECONDS = numberEnv("BENCH_DRAIN_SECONDS", 15);
const WARMUP_SECONDS = Math.min(5, SECONDS);
const APP_PORT = numberEnv("BENCH_PORT", 3310);
const BARE_PORT = APP_PORT + 1;
const BUILD = process.env.BENCH_BUILD || "auto";
if (!["auto", "always", "never"].includes(BUILD)) usage("BENCH_BUILD must be auto, always or never");
const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
const WORKER = process.env.BENCH_WORKER || "separate";
if (!["separate", "in-app"].includes(WORKER)) usage("BENCH_WORKER must be separate or in-app");
if (APP_PORT < 3300 || BARE_PORT > 3399) usage("BENCH_PORT must be within 3300-3398");

// A fixed secret (≥ 32 characters): the bench databases are thrown away anyway.
const APP_SECRET = "cut-ties-bench-secret-not-for-production-0123456789";

const startedAt = new Date();
const RUN_ID = startedAt.toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const RAND = crypto.randomBytes(3).toString("hex");
const APP_DB = `cut_ties_bench_${RAND}`;
const BARE_DB = `cut_ties_bench_${RAND}_bare`;
fs.mkdirSync(RESULTS, { recursive: true });
const APP_LOG = path.join(RESULTS, `${RUN_ID}-app.log`);
const BARE_LOG = path.join(RESULTS, `${RUN_ID}-bare.log`);
const BUILD_LOG = path.join(RESULTS, `${RUN_ID}-build.log`);
const WORKER_LOG = path.join(RESULTS, `${RUN_ID}-worker.log`);
const PROF_DIR = path.join(RESULTS, `${RUN_ID}-prof`);

function databaseUrl(name: string): string {
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

const QUIET_CORES = 0.3;
const WAIT_QUIET_SECONDS = Number(process.env.BENCH_WAIT_QUIET ?? 60);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------------------------
// Cleanup: servers and databases go, whatever happens (failure, Ctrl-C).

const servers = new Set<Server>();
const cannons = new Set<Instance>();
const createdDatabases = new Set<string>();
let admin: postgres.Sql | undefined;
let cleaningUp: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const cannon of cannons) cannon.stop();
    await Promise.all([...servers].map((s) => s.stop()));
    for (const name of createdDatabases) {
      try {
        await admin!.unsafe(`drop database if exists "${name}" with (force)`);
        createdDatabases.delete(name);
      } catch (error) {
        console.error(`bench: could not drop database ${name}: ${(error as Error).message}`);
      }
    }
    await admin?.end({ timeout: 5 }).catch(() => {});
  })();
  return cleaningUp;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping servers and dropping the bench databases…`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort if the process leaves without the async cleanup: kill and drop synchronously.
process.on("exit", () => {
  for (const server of servers) server.killNow();
  for (const name of createdDatabases) {
    const url = new URL(DATABASE_URL!);
    spawnSync("psql", [DATABASE_URL!, "-c", `drop database if exists "${name}" with (force)`], {
      stdio: "ignore",
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      input: "",
    });
  }
});

// ---------------------------------------------------------------------------------
// Servers

/** True when something already answers on the port (another bench run, a dev server…). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function requireFreePort(port: number): Promise<void> {
  if (await portInUse(port)) {
    throw new Error(`port ${port} is in use (another bench run?); stop it or choose BENCH_PORT (3300-3398)`);
  }
}

class Server {
  readonly child: ChildProcess;
  private exited: Promise<void>;
  private exitCode: number | null = null;
  private running = true;

  constructor(
    readonly name: string,
    readonly port: number,
    opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[]; args?: string[] },
  ) {
    const out = fs.openSync(opts.logFile, "a");
    // Its own process group, so stopping it stops anything it started.
    // The Next.js servers (app and bare route) run with the flags `npm start` uses.
    const args = opts.args ?? [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "-p", String(port)];
    this.child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["ignore", out, out],
      detached: true,
    });
    fs.closeSync(out);
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code) => {
        this.running = false;
        this.exitCode = code;
        servers.delete(this);
        resolve();
      }),
    );
    servers.add(this);
  }

  get pid(): number {
    return this.child.pid!;
  }

  async waitUntilAnswering(urlPath: string, timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (!this.running) throw new Error(`${this.name} exited (code ${this.exitCode}) before answering; see its log`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}${urlPath}`, { signal: AbortSignal.timeout(5000) });
        if (response.ok) return Date.now() - started;
      } catch {
        // not yet
      }
      await sleep(250);
    }
    throw new Error(`${this.name} did not answer ${urlPath} within ${timeoutMs / 1000} s`);
  }

  async waitForLog(logFile: string, line: string, timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (!this.running) throw new Error(`${this.name} exited (code ${this.exitCode}) before starting; see its log`);
      if (fs.readFileSync(logFile, "utf8").includes(line)) return Date.now() - started;
      await sleep(250);
    }
    throw new Error(`${this.name} did not log "${line}" within ${timeoutMs / 1000} s`);
  }

  /** SIGTERM to the group (the app then stops pg-boss and its pool), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    try {
      process.kill(-this.pid, "SIGTERM");
    } catch {
      // gone
    }
    const killed = await Promise.race([this.exited.then(() => false), sleep(10_000).then(() => true)]);
    if (killed) {
      this.killNow();
      await this.exited;
    }
  }

  killNow(): void {
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
}

// ---------------------------------------------------------------------------------
// Builds

/** Whether to build: always without a build; otherwise as BENCH_BUILD says (auto: after a change). */
function isStale(dir: string, distDir: string, sources?: string[]): boolean {
  if (!fs.existsSync(path.join(dir, distDir, "BUILD_ID"))) return true;
  if (BUILD !== "auto") return BUILD === "always";
  return !isBuildFresh(distDir, { dir, sources });
}

function run(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string }) {
  return new Promise<void>((resolve, reject) => {
    const out = fs.openSync(opts.logFile, "a");
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", out, out] });
    fs.closeSync(out);
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}); see ${opts.logFile}`)),
    );
  });
}

/** `next build` adds its distDir's type folders to tsconfig.json's include unless they are there. */
function tsconfigNoteAfterBuild(before: string): string | null {
  const after = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
  if (after === before) return null;
  // Not undone here: the file may be committed meanwhile, and undoing would fight the commit.
  return "next build changed tsconfig.json (it adds its distDir's type folders to include); commit that once";
}

async function buildApps(): Promise<Record<string, number | string>> {
  const timings: Record<string, number | string> = {};
  if (isStale(ROOT, APP_DIST)) {
    log(`building the app (NEXT_DIST_DIR=${APP_DIST} next build; log: ${path.relative(ROOT, BUILD_LOG)})…`);
    const before = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
    const t0 = Date.now();
    try {
      await run(process.execPath, [NEXT_BIN, "build"], {
        cwd: ROOT,
        env: { ...process.env, NEXT_DIST_DIR: APP_DIST, NEXT_TELEMETRY_DISABLED: "1" },
        logFile: BUILD_LOG,
      });
    } finally {
      const note = tsconfigNoteAfterBuild(before);
      if (note) log(note);
    }
    timings.app = (Date.now() - t0) / 1000;
    log(`app built in ${timings.app} s`);
  } else {
    timings.app = "up to date";
    log(`app: existing ${APP_DIST} build used (BENCH_BUILD=${BUILD}; built ${fs.statSync(path.join(ROOT, APP_DIST, "BUILD_ID")).mtime.toISOString()})`);
  }
  if (isStale(BARE_APP, ".next", ["app", "next.config.ts", "tsconfig.json"])) {
    log("building the bare route (bench/bare-app, webpack)…");
    const t0 = Date.now();
    // webpack: Turbopack in 16.4.5 takes the repository (its lockfile) as the root and
    // compiles Cut Ties' own instrumentation.ts and proxy.ts into this app.
    await run(process.execPath, [NEXT_BIN, "build", "--webpack"], {
      cwd: BARE_APP,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      logFile: BUILD_LOG,
    });
    timings.bare = (Date.now() - t0) / 1000;
    log(`bare route built in ${timings.bare} s`);
  } else {
    timings.bare = "up to date";
    log(`bare route: existing build used (BENCH_BUILD=${BUILD})`);
  }
  return timings;
}

// ---------------------------------------------------------------------------------
// CPU accounting: who used the 2 cores during a step (app, PostgreSQL, the load
// generator, anything else on the machine).

const CLK_TCK = 100;

type ProcTicks = { pgrp: number; postgres: boolean; ticks: number };
type CpuSnapshot = { at: number; total: number; idle: number; steal: number; irq: number; procs: Map<string, ProcTicks>; self: number };

function readProcStat(pid: string): ProcTicks | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is state (field 3); pgrp is field 5, utime 14, stime 15.
    return { pgrp: Number(fields[2]), postgres: comm === "postgres", ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function cpuSnapshot(): CpuSnapshot {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = line[3] + line[4]; // idle + iowait
  const irq = line[5] + line[6]; // irq + softirq (loopback networking, disk completions)
  const steal = line[7]; // taken by the hypervisor for other guests
  const procs = new Map<string, ProcTicks>();
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readProcStat(pid);
    if (stat) procs.set(pid, stat);
  }
  const usage = process.cpuUsage();
  return { at: Date.now(), total, idle, steal, irq, procs, self: (usage.user + usage.system) / 1e6 };
}

/** Cores: the server's process group, PostgreSQL, this process (autocannon), everything else
 *  (other processes, kernel interrupt work, hypervisor steal; irq and steal also apart), idle. */
type CpuUse = {
  server: number;
  /** The server's cores per process group (web, then the email worker when it runs apart). */
  serverParts: number[];
  postgres: number;
  loadgen: number;
  other: number;
  irq: number;
  steal: number;
  idle: number;
};

/** Average cores used between two snapshots (2.0 = both cores busy). Per process: a process
 *  that started meanwhile counts from 0; one that ended meanwhile is lost (falls into "other"). */
function cpuBetween(a: CpuSnapshot, b: CpuSnapshot, serverPgids: number[] = []): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const cores = (ticks: number) => ticks / CLK_TCK / seconds;
  const busy = cores(b.total - b.idle - (a.total - a.idle));
  let serverTicks = 0;
  const partTicks = serverPgids.map(() => 0);
  let postgresTicks = 0;
  for (const [pid, now] of b.procs) {
    const before = a.procs.get(pid);
    const delta = before && before.pgrp === now.pgrp ? Math.max(0, now.ticks - before.ticks) : now.ticks;
    const part = serverPgids.indexOf(now.pgrp);
    if (part >= 0) {
      serverTicks += delta;
      partTicks[part] += delta;
    }
    else if (now.postgres) postgresTicks += delta;
  }
  const server = cores(serverTicks);
  const postgresCores = cores(postgresTicks);
  const loadgen = (b.self - a.self) / seconds;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    server: round(server),
    serverParts: partTicks.map((t) => round(cores(t))),
    postgres: round(postgresCores),
    loadgen: round(loadgen),
    other: round(Math.max(0, busy - server - postgresCores - loadgen)),
    irq: round(cores(b.irq - a.irq)),
    steal: round(cores(b.steal - a.steal)),
    idle: round(cores(b.idle - a.idle)),
  };
}

/** Cores used by everything else over 3 s. */
async function othersBusy(): Promise<number> {
  const a = cpuSnapshot();
  await sleep(3000);
  const use = cpuBetween(a, cpuSnapshot());
  return Math.round((use.postgres + use.other) * 100) / 100;
}

// ---------------------------------------------------------------------------------
// Load

type StepResult = {
  name: string;
  target: "app" | "bare";
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  accepted: number;
  acceptedPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  cpu?: CpuUse;
  /** CPU time per request (all requests of the step, or of both halves of the mixed step). */
  cpuMsPerRequest?: { server: number; postgres: number };
  outboxAfter?: Record<string, number>;
};

/** Every signature request's email and the status it got (0: no response read). */
class SignatureTracker {
  private seq = 0;
  readonly prefix: string;
  readonly status = new Map<string, number>();
  constructor(label: string) {
    this.prefix = `bench-${RAND}-${label}`;
  }

  request(): import("autocannon").Request {
    return {
      method: "POST",
      path: "",
      setupRequest: (req, context) => {
        const n = ++this.seq;
        const email = `${this.prefix}-${n}@example.org`;
        context.email = email;
        this.status.set(email, 0);
        // A distinct client address per request (10.0.0.0/8), so the per-IP limit is not what is measured.
        const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        return {
          ...req,
          headers: { ...req.headers, "x-forwarded-for": ip },
          body: JSON.stringify({ fullName: `Bench Signer ${n}`, email }),
        };
      },
      onResponse: (status, _body, context) => {
        if (typeof context.email === "string") this.status.set(context.email, status);
      },
    };
  }

  count(status: number): number {
    let n = 0;
    for (const s of this.status.values()) if (s === status) n++;
    return n;
  }
}

function load(opts: {
  name: string;
  target: "app" | "bare";
  port: number;
  path: string;
  connections: number;
  seconds: number;
  tracker?: SignatureTracker;
  get?: boolean;
}): Promise<StepResult> {
  const cannon = autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    // Page loads as a browser sends them (a browser's page load is what the page cache serves).
    headers: opts.get
      ? { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document", "accept-language": "en" }
      : { "content-type": "application/json", "accept-language": "en" },
    requests: opts.get ? [{ method: "GET", path: opts.path }] : [{ ...opts.tracker!.request(), path: opts.path }],
  });
  cannons.add(cannon);
  return Promise.resolve(cannon).then((r: Result) => {
    cannons.delete(cannon);
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
    const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
    const accepted = opts.get ? r["2xx"] : (statusCodes["202"] ?? 0);
    return {
      name: opts.name,
      target: opts.target,
      path: opts.path,
      connections: opts.connections,
      seconds: r.duration,
      requests,
      reqPerSec: round1(requests / r.duration),
      accepted,
      acceptedPerSec: round1(accepted / r.duration),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      statusCodes,
    };
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function measured<T extends StepResult | StepResult[]>(serverPgids: number | number[], work: () => Promise<T>): Promise<T> {
  const a = cpuSnapshot();
  const result = await work();
  const cpu = cpuBetween(a, cpuSnapshot(), ([] as number[]).concat(serverPgids));
  const list: StepResult[] = Array.isArray(result) ? result : [result as StepResult];
  const reqPerSec = list.reduce((a, s) => a + s.reqPerSec, 0);
  for (const step of list) {
    step.cpu = cpu;
    step.cpuMsPerRequest = reqPerSec > 0
      ? { server: Math.round((cpu.server * 1e5) / reqPerSec) / 100, postgres: Math.round((cpu.postgres * 1e5) / reqPerSec) / 100 }
      : undefined;
  }
  return result;
}

function describe(step: StepResult): string {
  const codes = Object.entries(step.statusCodes).map(([k, v]) => `${k}:${v}`).join(" ");
  const cpu = step.cpu
    ? ` | cores: server ${step.cpu.server}${step.cpu.serverParts.length > 1 ? ` (web ${step.cpu.serverParts[0]}, worker ${step.cpu.serverParts[1]})` : ""} pg ${step.cpu.postgres} loadgen ${step.cpu.loadgen} other ${step.cpu.other} (irq ${step.cpu.irq}, steal ${step.cpu.steal}) idle ${step.cpu.idle}`
    : "";
  return `${step.name} c=${step.connections}: ${step.reqPerSec} req/s (${step.acceptedPerSec} ok/s), p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, non-2xx ${step.non2xx}, errors ${step.errors} [${codes}]${cpu}`;
}

// ---------------------------------------------------------------------------------
// pgbench

type PgbenchResult = { clients: number; seconds: number; tps: number; latencyMs: number | null; transactions: number | null };

async function pgbench(clients: number, seconds: number, db: string): Promise<PgbenchResult> {
  const url = new URL(DATABASE_URL!);
  const script = path.join(os.tmpdir(), `cut-ties-bench-${RAND}.sql`);
  fs.writeFileSync(script, "insert into pgbench_rows (payload) values ('bench');\n");
  const args = ["-n", "-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres"),
    "-f", script, "-c", String(clients), "-j", String(Math.min(clients, 2)), "-T", String(seconds), db];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("pgbench", args, {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench failed (${code}):\n${text}`))));
  });
  fs.rmSync(script, { force: true });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  const transactions = /number of transactions actually processed: (\d+)/.exec(output)?.[1];
  if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's output:\n${output}`);
  return { clients, seconds, tps: round1(tps), latencyMs: latency ? Number(latency) : null, transactions: transactions ? Number(transactions) : null };
}

// ---------------------------------------------------------------------------------
// Report

function pad(text: string | number, width: number, right = true): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Requests/s of both halves of the mixed step together (they share one CPU reading). */
function pageMixedReqPerSec(steps: StepResult[]): number {
  return steps.filter((s) => s.name.includes("while")).reduce((a, s) => a + s.reqPerSec, 0);
}

function mark(ok: boolean): string {
  return ok ? "yes" : "NO";
}

async function outboxStatus(db: postgres.Sql): Promise<Record<string, number>> {
  const rows = await db<{ status: string; n: number }[]>`select status, count(*)::int as n from email_outbox group by 1 order by 1`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

// ---------------------------------------------------------------------------------
// The run

async function main(): Promise<number> {
  const t0 = Date.now();
  admin = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
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

  const steps: StepResult[] = [];
  const record = (step: StepResult) => {
    steps.push(step);
    log(describe(step));
    return step;
  };

  // 1. pgbench: the database's own single-row INSERT rate, nothing else running.
  const bareDb = postgres(databaseUrl(BARE_DB), { max: 2, onnotice: () => {} });
  await bareDb`create table pgbench_rows (id bigserial primary key, payload text not null, created_at timestamptz not null default now())`;
  const pgbenchResults: PgbenchResult[] = [];
  for (const clients of [1, 10]) {
    log(`pgbench: single-row INSERT, ${clients} client(s), ${PGBENCH_SECONDS} s…`);
    const r = await pgbench(clients, PGBENCH_SECONDS, BARE_DB);
    pgbenchResults.push(r);
    log(`pgbench -c ${clients}: ${r.tps} TPS, average latency ${r.latencyMs} ms`);
  }

  // 2. The bare route, alone on the machine.
  const bareTracker = new SignatureTracker("bare");
  {
    await requireFreePort(BARE_PORT);
    log(`starting the bare route on :${BARE_PORT} (log: ${path.relative(ROOT, BARE_LOG)})`);
    const bare = new Server("bare route", BARE_PORT, {
      cwd: BARE_APP,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl(BARE_DB), NEXT_TELEMETRY_DISABLED: "1" },
      logFile: BARE_LOG,
    });
    const ms = await bare.waitUntilAnswering(BARE_PATH);
    log(`bare route answering after ${(ms / 1000).toFixed(1)} s; warming up ${WARMUP_SECONDS} s`);
    await load({ name: "warm-up", target: "bare", port: BARE_PORT, path: BARE_PATH, connections: 10, seconds: WARMUP_SECONDS, tracker: bareTracker });
    for (const connections of CONCURRENCY) {
      await sleep(1000);
      record(await measured(bare.pid, () =>
        load({ name: "bare insert", target: "bare", port: BARE_PORT, path: BARE_PATH, connections, seconds: SECONDS, tracker: bareTracker })));
    }
    await bare.stop();
  }
  await sleep(1000);
  const [{ n: bareRows }] = await bareDb<{ n: number }[]>`select count(*)::int as n from bare_inserts`;
  await bareDb.end({ timeout: 5 });

  // 3. The app.
  const appDb = postgres(databaseUrl(APP_DB), { max: 2, onnotice: () => {} });
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
  log(`starting the app on :${APP_PORT} (JOBS=${appEnv.JOBS}, mail capture; log: ${path.relative(ROOT, APP_LOG)})${CPU_PROF ? `, profiling to ${path.relative(ROOT, PROF_DIR)}` : ""}`);
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
    const workerMs = await worker.waitForLog(WORKER_LOG, "[worker] running");
    log(`email worker (npm run worker) running after ${(workerMs / 1000).toFixed(1)} s (log: ${path.relative(ROOT, WORKER_LOG)})`);
    serverPgids.push(worker.pid);
  }
  const [{ n: rowsBefore }] = await appDb<{ n: number }[]>`select count(*)::int as n from signatures`;

  // The page first, while no email backlog competes for the CPU.
  const pageStatus = await fetch(`http://127.0.0.1:${APP_PORT}${PAGE_PATH}`, { headers: { "accept-language": "en" } });
  if (!pageStatus.ok) throw new Error(`GET ${PAGE_PATH} answered ${pageStatus.status}`);
  await load({ name: "warm-up", target: "app", port: APP_PORT, path: PAGE_PATH, connections: 10, seconds: Math.min(3, SECONDS), get: true });
  await sleep(1000);
  record(await measured(serverPgids, () =>
    load({ name: "campaign page (alone)", target: "app", port: APP_PORT, path: PAGE_PATH, connections: PAGE_CONNECTIONS, seconds: SECONDS, get: true })));

  const signTracker = new SignatureTracker("app");
  await load({ name: "warm-up", target: "app", port: APP_PORT, path: SIGN_PATH, connections: 10, seconds: WARMUP_SECONDS, tracker: signTracker });
  for (const connections of CONCURRENCY) {
    await sleep(1000);
    const step = await measured(serverPgids, () =>
      load({ name: "sign", target: "app", port: APP_PORT, path: SIGN_PATH, connections, seconds: SECONDS, tracker: signTracker }));
    step.outboxAfter = await outboxStatus(appDb);
    record(step);
    log(`email outbox after this step: ${JSON.stringify(step.outboxAfter)}`);
  }

  await sleep(1000);
  log(`campaign page (c=${PAGE_CONNECTIONS}) while signing (c=${MIXED_SIGN_CONNECTIONS})…`);
  const [pageMixed, signMixed] = await measured(serverPgids, () =>
    Promise.all([
      load({ name: "campaign page (while signing)", target: "app", port: APP_PORT, path: PAGE_PATH, connections: PAGE_CONNECTIONS, seconds: SECONDS, get: true }),
      load({ name: "sign (while page loads)", target: "app", port: APP_PORT, path: SIGN_PATH, connections: MIXED_SIGN_CONNECTIONS, seconds: SECONDS, tracker: signTracker }),
    ]));
  record(pageMixed);
  signMixed.outboxAfter = await outboxStatus(appDb);
  record(signMixed);

  // 4. Stored rows against accepted answers. Requests cut off when a step ended (or
  // timed out) got no answer but may still have been stored: those are counted apart.
  let previous = -1;
  let rowsNow = 0;
  for (let i = 0; i < 20; i++) {
    [{ n: rowsNow }] = await appDb<{ n: number }[]>`select count(*)::int as n from signatures`;
    if (rowsNow === previous) break;
    previous = rowsNow;
    await sleep(500);
  }
  const stored = new Set(
    (await appDb<{ email: string }[]>`select email from signatures where email like ${`${signTracker.prefix}-%`}`).map((r) => r.email),
  );
  let lost = 0; // answered 202, not stored
  let storedUnanswered = 0; // no answer read (cut off at a step's end), stored
  let storedDespiteError = 0; // answered non-202, stored anyway
  for (const [email, status] of signTracker.status) {
    const isStored = stored.has(email);
    if (status === 202 && !isStored) lost++;
    if (status === 0 && isStored) storedUnanswered++;
    if (status !== 0 && status !== 202 && isStored) storedDespiteError++;
  }
  const accepted202 = signTracker.count(202);
  const unanswered = signTracker.count(0);
  const newRows = rowsNow - rowsBefore;
  const strangers = newRows - stored.size; // rows the bench did not send
  const verification = {
    rowsBefore,
    rowsAfter: rowsNow,
    newRows,
    accepted202,
    unanswered,
    storedUnanswered,
    lost,
    storedDespiteError,
    strangers,
    ok: lost === 0 && storedDespiteError === 0 && strangers === 0 && newRows === accepted202 + storedUnanswered,
  };

  // 5. Email: what the worker sent during the load, and after a short drain.
  const outboxAtEnd = await outboxStatus(appDb);
  log(`email outbox when the load ended: ${JSON.stringify(outboxAtEnd)}; draining up to ${DRAIN_SECONDS} s…`);
  const drainStart = Date.now();
  let outboxFinal = outboxAtEnd;
  while (Date.now() - drainStart < DRAIN_SECONDS * 1000 && (outboxFinal.queued ?? 0) > 0) {
    await sleep(1000);
    outboxFinal = await outboxStatus(appDb);
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const drainRate = round1(((outboxFinal.sent ?? 0) - (outboxAtEnd.sent ?? 0)) / Math.max(drainSeconds, 0.001));
  const [{ n: rateLimitRows }] = await appDb<{ n: number }[]>`select count(*)::int as n from rate_limit_hits`;
  await appDb.end({ timeout: 5 });
  log("stopping the app…");
  await app.stop();

  // 6. The table and the ratios.
  const bareBy = new Map(steps.filter((s) => s.target === "bare").map((s) => [s.connections, s]));
  const signSteps = steps.filter((s) => s.name === "sign");
  const bestPgbench = Math.max(...pgbenchResults.map((r) => r.tps));
  const pageAlone = steps.find((s) => s.name === "campaign page (alone)")!;

  const lines: string[] = [];
  const say = (line = "") => lines.push(line);
  say();
  say(`Cut Ties bench ${RUN_ID} — ${os.cpus().length} cores shared by app, PostgreSQL and load generator; ${SECONDS} s per step`);
  say(`email worker: ${WORKER === "separate" ? "its own process (npm run worker; the web process has JOBS=off); \"server\" below is both" : "inside the app process (JOBS=on)"}`);
  say(`(other processes used ${busyBefore} cores just before the run; "other" below is their share during each step)`);
  say();
  say(`${pad("step", 30, false)} ${pad("conc", 4)} ${pad("req/s", 8)} ${pad("2xx/s", 8)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("max ms", 7)} ${pad("non2xx", 6)} ${pad("errors", 6)} | CPU ms/req: server pg | cores: server pg loadgen other idle`);
  let anyBusy = false;
  for (const s of steps) {
    const c = s.cpu;
    // Both steps of the mixed run share one CPU reading: per request, count all their requests.
    const reqs = s.name.includes("while") ? pageMixedReqPerSec(steps) : s.reqPerSec;
    const perReq = (cores: number) => (reqs > 0 ? ((cores * 1000) / reqs).toFixed(2) : "-");
    const busy = c && c.other > QUIET_CORES;
    anyBusy ||= Boolean(busy);
    say(`${pad(s.name + (busy ? " *" : ""), 30, false)} ${pad(s.connections, 4)} ${pad(s.reqPerSec, 8)} ${pad(s.acceptedPerSec, 8)} ${pad(s.latencyMs.p50, 7)} ${pad(s.latencyMs.p99, 7)} ${pad(s.latencyMs.max, 7)} ${pad(s.non2xx, 6)} ${pad(s.errors + s.timeouts, 6)} | ${c ? `${pad(perReq(c.server), 6)} ${pad(perReq(c.postgres), 5)}` : pad("", 12)} | ${c ? `${c.server} ${c.postgres} ${c.loadgen} ${c.other} ${c.idle}` : ""}`);
  }
  for (const r of pgbenchResults) {
    say(`${pad(`pgbench single-row INSERT`, 30, false)} ${pad(r.clients, 4)} ${pad(r.tps, 8)} ${pad(r.tps, 8)} ${pad(r.latencyMs ?? "", 7)}`);
  }
  if (anyBusy) {
    say(`* other processes used more than ${QUIET_CORES} cores during this step: its rates are low and its latencies high because of them;`);
    say(`  CPU ms/req (the server's and PostgreSQL's CPU time per request) suffers less, but also rises on a busy machine.`);
  }
  say();
  say("Signing against the targets (per concurrency):");
  say(`${pad("conc", 4)} ${pad("accepted/s", 10)} ${pad("÷ bare", 7)} ${pad("÷ pgbench", 9)} ${pad("p99 ms", 7)}   ≥${TARGETS.acceptedPerSec}/s  ≥${TARGETS.ofBare * 100}% bare  p99<${TARGETS.signP99Ms}`);
  const signingChecks = signSteps.map((s) => {
    const bare = bareBy.get(s.connections);
    const ofBare = bare ? s.acceptedPerSec / bare.acceptedPerSec : NaN;
    const ofPgbench = s.acceptedPerSec / bestPgbench;
    const check = {
      connections: s.connections,
      acceptedPerSec: s.acceptedPerSec,
      bareReqPerSec: bare?.acceptedPerSec ?? null,
      ofBare: Math.round(ofBare * 1000) / 1000,
      ofPgbench: Math.round(ofPgbench * 1000) / 1000,
      p99: s.latencyMs.p99,
      rate: s.acceptedPerSec >= TARGETS.acceptedPerSec,
      bare: ofBare >= TARGETS.ofBare,
      latency: s.latencyMs.p99 < TARGETS.signP99Ms,
    };
    say(`${pad(s.connections, 4)} ${pad(s.acceptedPerSec, 10)} ${pad(`${(ofBare * 100).toFixed(0)}%`, 7)} ${pad(`${(ofPgbench * 100).toFixed(1)}%`, 9)} ${pad(s.latencyMs.p99, 7)}   ${pad(mark(check.rate), 6, false)} ${pad(mark(check.bare), 10, false)} ${mark(check.latency)}`);
    return check;
  });
  const signingMet = signingChecks.some((c) => c.rate && c.bare && c.latency);
  say(`bare route ÷ pgbench (best, ${bestPgbench} TPS): ${CONCURRENCY.map((c) => `c=${c} ${((bareBy.get(c)?.acceptedPerSec ?? 0) / bestPgbench * 100).toFixed(1)}%`).join(", ")}`);
  say(`signing targets met at some concurrency (all three at once): ${signingMet ? "YES" : "NO"}`);
  say();
  const pageCheck = (s: StepResult) => `${s.reqPerSec} req/s (≥${TARGETS.pagePerSec}: ${mark(s.reqPerSec >= TARGETS.pagePerSec)}), p99 ${s.latencyMs.p99} ms (<${TARGETS.pageP99Ms}: ${mark(s.latencyMs.p99 < TARGETS.pageP99Ms)})`;
  say(`Campaign page c=${PAGE_CONNECTIONS} alone:         ${pageCheck(pageAlone)}`);
  say(`Campaign page c=${PAGE_CONNECTIONS} while signing: ${pageCheck(pageMixed)}; signing meanwhile ${signMixed.acceptedPerSec}/s, p99 ${signMixed.latencyMs.p99} ms`);
  const pageMet = pageAlone.reqPerSec >= TARGETS.pagePerSec && pageAlone.latencyMs.p99 < TARGETS.pageP99Ms;
  say();
  say(`Stored rows vs 202s: ${newRows} new rows in signatures; ${accepted202} answered 202` +
    (storedUnanswered ? ` + ${storedUnanswered} stored whose answer was never read (cut off at a step's end)` : "") +
    `; ${lost} accepted but missing; ${storedDespiteError} stored despite an error answer; ${strangers} not sent by the bench` +
    ` → ${verification.ok ? "OK" : "MISMATCH"}`);
  say(`Bare route check: ${bareRows} rows, ${bareTracker.count(202)} answered 202, ${bareTracker.count(0)} unanswered at step ends`);
  say(`Email outbox when the load ended: ${JSON.stringify(outboxAtEnd)}; after ${drainSeconds.toFixed(0)} s more: ${JSON.stringify(outboxFinal)} (drained ${drainRate}/s)`);
  const emailsWorking = (outboxFinal.sent ?? 0) > 0;
  if (!emailsWorking) say(`EMAIL WORKER BROKEN: no email was sent; see ${path.relative(ROOT, WORKER === "separate" ? WORKER_LOG : APP_LOG)}`);
  else if ((outboxFinal.queued ?? 0) > 0) say(`Email backlog: ${outboxFinal.queued} still queued after the drain (the worker fell behind signing)`);
  say(`Rate-limit rows written: ${rateLimitRows} (two per signature with distinct addresses)`);
  say();
  say(`Logs: ${path.relative(ROOT, APP_LOG)}, ${WORKER === "separate" ? `${path.relative(ROOT, WORKER_LOG)}, ` : ""}${path.relative(ROOT, BARE_LOG)}${fs.existsSync(BUILD_LOG) ? `, ${path.relative(ROOT, BUILD_LOG)}` : ""}`);
  const jsonFile = path.join(RESULTS, `${RUN_ID}.json`);
  say(`Raw results: ${path.relative(ROOT, jsonFile)}   (total ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(lines.join("\n"));

  fs.writeFileSync(
    jsonFile,
    JSON.stringify(
      {
        runId: RUN_ID,
        startedAt,
        finishedAt: new Date(),
        machine: { cores: os.cpus().length, coresBusyBeforeRun: busyBefore, loadavgAtEnd: os.loadavg(), node: process.version, postgres: version, git, uncommittedAppFiles: dirty },
        settings: { worker: WORKER, seconds: SECONDS, concurrency: CONCURRENCY, pageConnections: PAGE_CONNECTIONS, mixedSignConnections: MIXED_SIGN_CONNECTIONS, pgbenchSeconds: PGBENCH_SECONDS, cpuProf: CPU_PROF },
        targets: TARGETS,
        builds,
        appReadyMs: readyMs,
        pgbench: pgbenchResults,
        steps,
        signingChecks,
        signingMet,
        pageMet,
        verification,
        bare: { rows: bareRows, accepted202: bareTracker.count(202), unanswered: bareTracker.count(0) },
        outbox: { atEndOfLoad: outboxAtEnd, afterDrain: outboxFinal, drainSeconds, drainRatePerSec: drainRate },
        rateLimitRows,
      },
      null,
      2,
    ),
  );
  return verification.ok && emailsWorking ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    log(`databases dropped, servers stopped`);
    // The mail step (bench/mail.ts): its own database, app and worker, sending to a rate-limited Resend stand-in.
    if (process.env.BENCH_MAIL !== "off" && !(await runMailBench({ runId: RUN_ID })).ok) code = 1;
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`bench failed: ${(error as Error).stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
