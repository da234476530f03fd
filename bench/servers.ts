// The servers under test (the app, its email worker, the bare route), each in its own
// process group so stopping it stops anything it started. Process handling is
// test/processes.ts, shared with the end-to-end tests.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { assertPortFree, isRunning, killNow, spawnLogged, stopProcess, waitUntilReady } from "../test/processes";
import { SERVER_NODE_FLAGS } from "../scripts/server-flags.mjs";
import { servers } from "./cleanup";
import { NEXT_BIN } from "./settings";

export function requireFreePort(port: number): Promise<void> {
  return assertPortFree(port, "Another bench run? Stop it or choose BENCH_PORT (3300-3398).");
}

export class Server {
  readonly child: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[]; args?: string[] },
  ) {
    // The Next.js servers (app and bare route) run with the flags `npm start` uses.
    const args = opts.args ?? [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "-p", String(port)];
    this.child = spawnLogged(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
      cwd: opts.cwd,
      env: opts.env,
      logFile: opts.logFile,
      group: true,
    });
    servers.add(this);
    this.child.once("exit", () => servers.delete(this));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Milliseconds until `urlPath` answers 2xx. */
  waitUntilAnswering(urlPath: string, timeoutMs = 120_000): Promise<number> {
    const url = `http://127.0.0.1:${this.port}${urlPath}`;
    return waitUntilReady(this.name, this.child, this.opts.logFile, async () => (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok, timeoutMs);
  }

  /** Milliseconds until its log has `line`. */
  waitForLog(line: string, timeoutMs = 60_000): Promise<number> {
    return waitUntilReady(this.name, this.child, this.opts.logFile, async () => fs.readFileSync(this.opts.logFile, "utf8").includes(line), timeoutMs);
  }

  /** SIGTERM to the group (the app then stops pg-boss and its pool), SIGKILL after 10 s. */
  stop(): Promise<void> {
    return isRunning(this.child) ? stopProcess(this.child, { graceMs: 10_000, group: true }) : Promise.resolve();
  }

  killNow(): void {
    killNow(this.child, true);
  }
}
