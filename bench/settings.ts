// The bench's settings: paths, ports, the run's id and log files, targets, and the
// options read from the environment (see `usage` and bench/README.md).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BENCH = path.join(ROOT, "bench");
export const BARE_APP = path.join(BENCH, "bare-app");
export const RESULTS = path.join(BENCH, "results");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
export const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
export const APP_DIST = ".next-bench";

export const CAMPAIGN = "palantir-end-falcon-icm";
export const SIGN_PATH = `/api/v1/campaigns/${CAMPAIGN}/signatures`;
export const PAGE_PATH = `/campaigns/${CAMPAIGN}`;
export const BARE_PATH = "/api/insert";

export const TARGETS = {
  acceptedPerSec: 330,
  ofBare: 0.5,
  signP99Ms: 250,
  pagePerSec: 1000,
  pageP99Ms: 100,
  /** Share and tracking links against the plain page, same run. */
  shareLinkOfPlain: 0.8,
};

export function numberSetting(name: string, fallback: number): number {
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
  BENCH_PAGE_CONNECTIONS=50    connections for the campaign page (plain, share links, tracking links)
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

const databaseUrlSetting = process.env.DATABASE_URL;
if (!databaseUrlSetting) usage("DATABASE_URL is not set.");
export const DATABASE_URL: string = databaseUrlSetting;

export const SECONDS = numberSetting("BENCH_SECONDS", 30);
export const CONCURRENCY = listEnv("BENCH_CONCURRENCY", [10, 50, 100]);
export const PAGE_CONNECTIONS = numberSetting("BENCH_PAGE_CONNECTIONS", 50);
export const MIXED_SIGN_CONNECTIONS = numberSetting("BENCH_MIXED_SIGN_CONNECTIONS", 50);
export const PGBENCH_SECONDS = Math.round(numberSetting("BENCH_PGBENCH_SECONDS", Math.min(10, SECONDS)));
export const DRAIN_SECONDS = numberSetting("BENCH_DRAIN_SECONDS", 15);
export const WARMUP_SECONDS = Math.min(5, SECONDS);
export const APP_PORT = numberSetting("BENCH_PORT", 3310);
export const BARE_PORT = APP_PORT + 1;
export const BUILD = process.env.BENCH_BUILD || "auto";
if (!["auto", "always", "never"].includes(BUILD)) usage("BENCH_BUILD must be auto, always or never");
export const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
export const WORKER = process.env.BENCH_WORKER || "separate";
if (!["separate", "in-app"].includes(WORKER)) usage("BENCH_WORKER must be separate or in-app");
if (APP_PORT < 3300 || BARE_PORT > 3399) usage("BENCH_PORT must be within 3300-3398");
export const WAIT_QUIET_SECONDS = Number(process.env.BENCH_WAIT_QUIET ?? 60);

// A fixed secret (≥ 32 characters): the bench databases are thrown away anyway.
export const APP_SECRET = "cut-ties-bench-secret-not-for-production-0123456789";

export const startedAt = new Date();
export const RUN_ID = startedAt.toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
export const RAND = crypto.randomBytes(3).toString("hex");
export const APP_DB = `cut_ties_bench_${RAND}`;
export const BARE_DB = `cut_ties_bench_${RAND}_bare`;
fs.mkdirSync(RESULTS, { recursive: true });
export const APP_LOG = path.join(RESULTS, `${RUN_ID}-app.log`);
export const BARE_LOG = path.join(RESULTS, `${RUN_ID}-bare.log`);
export const BUILD_LOG = path.join(RESULTS, `${RUN_ID}-build.log`);
export const WORKER_LOG = path.join(RESULTS, `${RUN_ID}-worker.log`);
export const PROF_DIR = path.join(RESULTS, `${RUN_ID}-prof`);

/** The same server as DATABASE_URL, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const relative = (file: string) => path.relative(ROOT, file);
