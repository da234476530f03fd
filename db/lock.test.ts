// Two processes on one PGlite folder silently lose rows, so the second is refused.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError } from "./lock";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the data directory lock", () => {
  it("refuses a directory held by another live process, naming it and what to do", () => {
    const dir = tempDir();
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "cut-ties.lock"), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${other.pid}.*\\n.*DATABASE_URL`, "s"));
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases it", () => {
    const dir = tempDir();
    const dead = spawnSync("true");
    fs.writeFileSync(path.join(dir, "cut-ties.lock"), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "cut-ties.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "cut-ties.lock"))).toBe(false);
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
