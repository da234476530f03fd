// Child processes for the end-to-end tests (e2e/servers.ts) and the bench (bench/):
// start one with its output in a log file, wait until it answers, stop it, and check
// a port is free first. Generic: neither knows what the process is.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export type SpawnOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Its own process group, so stopping it stops whatever it started too. */
  group?: boolean;
};

/** Runs `command` with stdout and stderr appended to the log file. */
export function spawnLogged(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const log = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", log, log], detached: options.group });
  fs.closeSync(log);
  return child;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signal(child: ChildProcess, name: NodeJS.Signals, group: boolean): void {
  try {
    if (group) process.kill(-child.pid!, name);
    else child.kill(name);
  } catch {
    // already gone
  }
}

/** SIGKILL at once, synchronously (for process.on("exit")). */
export function killNow(child: ChildProcess, group = false): void {
  if (isRunning(child)) signal(child, "SIGKILL", group);
}

/** SIGTERM (a server then closes its pools and queues), SIGKILL after `graceMs`. */
export function stopProcess(child: ChildProcess, options: { graceMs?: number; group?: boolean } = {}): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  const group = options.group ?? false;
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal(child, "SIGKILL", group), options.graceMs ?? 8000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signal(child, "SIGTERM", group);
  });
}

/** The end of a log file, for an error message. */
export function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Waits until `check` answers true; throws (with the end of the log) when the
 * process dies first or the time is up, stopping it in the latter case.
 * Returns how long it took, in milliseconds.
 */
export async function waitUntilReady(
  what: string,
  child: ChildProcess,
  logFile: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!isRunning(child)) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready. Log ${logFile}:\n${tail(logFile)}`);
    }
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopProcess(child);
  throw new Error(`${what} was not ready after ${timeoutMs / 1000} s. Log ${logFile}:\n${tail(logFile)}`);
}

/** True when something already answers on the port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Fails early, with `hint` in the message, when something else holds the port. */
export async function assertPortFree(port: number, hint: string): Promise<void> {
  if (await portInUse(port)) throw new Error(`Port ${port} is already in use. ${hint}`);
}
