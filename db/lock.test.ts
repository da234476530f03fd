// Two processes on one PGlite folder silently lose rows, so the second is refused.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError, processStartTime } from "./lock";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-lock-"));
  dirs.push(dir);
  return dir;
}
const lockFile = (dir: string) => path.join(dir, "cut-ties.lock");
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the data directory lock", () => {
  it("refuses a directory held by another live process, naming it and what to do", () => {
    const dir = tempDir();
    // Another app process: Node, named in the lock with its start time as it would write it.
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, started: processStartTime(other.pid!) }));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${other.pid}.*\\n.*DATABASE_URL`, "s"));
    } finally {
      other.kill();
    }
  });

  it("refuses a lock written by an earlier version (a bare pid) while that Node process runs", () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      fs.writeFileSync(lockFile(dir), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
    } finally {
      other.kill();
    }
  });

  it("takes over a stale lock whose pid now belongs to another program", () => {
    const dir = tempDir();
    // The pid in the lock is alive, but it is `sleep`, not the app that wrote the lock.
    const other = spawn("sleep", ["30"]);
    try {
      // As an earlier version wrote it (the bare pid), and as this one does (pid and start time).
      for (const lock of [String(other.pid), JSON.stringify({ pid: other.pid, started: "1" })]) {
        fs.writeFileSync(lockFile(dir), lock);
        const release = acquireDataDirLock(dir);
        expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toEqual({ pid: process.pid, started: processStartTime(process.pid) });
        release();
        expect(fs.existsSync(lockFile(dir))).toBe(false);
      }
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases it", () => {
    const dir = tempDir();
    const dead = spawnSync("true");
    fs.writeFileSync(lockFile(dir), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("stops a second process from opening an embedded database that is in use", async () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    try {
      const child = spawnSync(
        "npx",
        ["tsx", "--conditions=react-server", "scripts/recount.ts"],
        { cwd: path.resolve(import.meta.dirname, ".."), env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000 },
      );
      expect(child.status).toBe(2);
      expect(child.stderr).toContain(`already open in process ${process.pid}`);
      expect(child.stderr).toContain("stop it to recount now");
    } finally {
      release();
    }
  }, 60_000);
});
