// Starting and stopping the processes the end-to-end tests run against: the app's
// server (server/index.mjs, what `npm start` runs) on the e2e build (.next-e2e) and the
// Resend stand-in. Used by the global setup (one app on PGlite) and by the scale-out
// spec (two apps on one PostgreSQL database). The generic process helpers (log,
// readiness, stop, free port) are test/processes.ts, shared with the bench.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree as assertPortFreeWith, spawnLogged as spawnInLog, stopProcess, tail, waitUntilReady } from "../test/processes";
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from "../scripts/server-flags.mjs";

export const ROOT = path.resolve(__dirname, "..");
export const DIST_DIR = ".next-e2e";
// E2E_PORT_BASE moves every port, so two checkouts can run their suites side by side.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3200);
export const APP_PORT = PORT_BASE + 10;
export const STANDIN_PORT = PORT_BASE + 9;
export const SCALE_OUT_PORTS = [PORT_BASE + 20, PORT_BASE + 21] as const;
/** The PostgreSQL restart test: its own PostgreSQL server, and the app on it. */
export const RESTART_TEST_PORTS = { postgres: PORT_BASE + 30, app: PORT_BASE + 31 } as const;
/** For specs that need an app with settings of its own (e2e/the-app-server-stands-guard.spec.ts). */
export const OWN_APP_PORTS = [PORT_BASE + 40, PORT_BASE + 41] as const;
/** The authorization matrix's own app (e2e/authorization-matrix.spec.ts), whose database it reads. */
export const MATRIX_APP_PORT = PORT_BASE + 65;
/** `npm start` as a cluster of app processes on PostgreSQL (e2e/every-core.scale-out.spec.ts). */
export const CLUSTER_PORT = PORT_BASE + 55;
/** e2e/an-organizer-exports-the-signers.spec.ts: an app on a database the spec filled first. */
export const SIGNERS_APP_PORT = PORT_BASE + 50;
/** The app of the updates journey (organizer-emails-signers.scale-out.spec.ts). */
export const UPDATES_APP_PORT = PORT_BASE + 60;
/** e2e/an-admin-reviews-campaigns.spec.ts: an app on a database the spec filled first. */
export const REVIEW_APP_PORT = PORT_BASE + 70;
/** e2e/a-campaign-shows-its-state.scale-out.spec.ts. */
export const STATES_APP_PORT = PORT_BASE + 75;
// Shared by every instance of a run: confirmation tokens and hashes depend on it.
export const APP_SECRET = "e2e-secret-0123456789abcdef0123456789abcdef";

export type Server = {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
};

/** Fails early, with a useful message, when something else holds the port. */
export function assertPortFree(port: number): Promise<void> {
  return assertPortFreeWith(
    port,
    `A previous e2e run may still be running (see \`ss -ltnp 'sport = :${port}'\`); stop it and retry.`,
  );
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    throw new Error(`No e2e build in ${DIST_DIR}/. Run: NEXT_DIST_DIR=${DIST_DIR} npx next build (npm test does it).`);
  }
}

const stopChild = (child: ChildProcess, graceMs?: number) => stopProcess(child, { graceMs });

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  return spawnInLog(command, args, { cwd: ROOT, env, logFile });
}

/** The Resend stand-in, in its own process (test/resend-standin.ts). */
export async function startStandin(port: number, logFile: string): Promise<Server> {
  await assertPortFree(port);
  const child = spawnLogged(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "test", "resend-standin.ts"), "--port", String(port)],
    { ...process.env },
    logFile,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady("The Resend stand-in", child, logFile, async () => (await fetch(`${url}/__health`)).ok, 30_000);
  return { url, pid: child.pid!, logFile, stop: () => stopChild(child, 3000) };
}

export type AppOptions = {
  port: number;
  logFile: string;
  mailUrl: string;
  /** Embedded database folder; ignored when databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string;
  appUrl?: string;
  extraEnv?: Record<string, string>;
};

/**
 * The app's server on the e2e build: the entry and Node flags `npm start` uses, minus
 * the build. Ready once the public API answers, which means the database is open,
 * migrated and seeded. Spawns node directly (not npx), so the pid is the server's and
 * SIGTERM reaches it.
 */
export async function startApp(options: AppOptions): Promise<Server> {
  assertBuilt();
  await assertPortFree(options.port);
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The caller's database never leaks into an instance that did not ask for it.
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    PORT: String(options.port),
    APP_URL: options.appUrl ?? url,
    APP_SECRET,
    RESEND_API_KEY: "re_test_x",
    RESEND_BASE_URL: options.mailUrl,
    JOBS: "on",
    // The tests stand in for a proxy on this machine: each gives its client an address
    // of its own in X-Forwarded-For (fixtures.ts), which the app believes from loopback only.
    TRUST_PROXY: "loopback",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir }),
    ...options.extraEnv,
  });
  const child = spawnLogged(
    process.execPath,
    [...SERVER_NODE_FLAGS, SERVER_ENTRY],
    env,
    options.logFile,
  );
  let stopping = false;
  child.once("exit", (code, signal) => {
    // Otherwise every later test fails with "connection refused" and no hint why.
    if (!stopping) console.error(`\n[e2e] the app on port ${options.port} EXITED (${code ?? signal}) during the run. Log: ${options.logFile}\n${tail(options.logFile, 30)}`);
  });
  await waitUntilReady(
    `The app on port ${options.port}`,
    child,
    options.logFile,
    async () => (await fetch(`${url}/api/v1/campaigns`)).ok,
    120_000,
  );
  return {
    url,
    pid: child.pid!,
    logFile: options.logFile,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}
