// `npm start` refuses settings that cannot work before it builds or opens anything,
// with a message that says what to set. Both entries are checked: scripts/start.mjs
// (`npm start`, which would build first) and the server itself (what the e2e tests run).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_ENTRY } from "../scripts/server-flags.mjs";

const root = path.resolve(import.meta.dirname, "..");

function start(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    // Only what the test gives: the caller's DATABASE_URL or RESEND_API_KEY stay out.
    // A build folder that does not exist: reaching the build would take a minute, and fail the test.
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "0", NEXT_DIST_DIR: ".next-never-built", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe.each([["npm start", "scripts/start.mjs"], ["the server", SERVER_ENTRY]])("%s refuses", (_name, entry) => {
  it("PostgreSQL without a mail choice, naming both choices", async () => {
    const { code, output } = await start(entry, { DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    expect(output).toContain("RESEND_API_KEY=");
    expect(output).toContain("MAIL_CAPTURE=on");
    expect(output).not.toMatch(/building/);
    expect(code).toBe(2);
  });

  it("a TRUST_PROXY it cannot follow", async () => {
    const { code, output } = await start(entry, { TRUST_PROXY: "true" });
    expect(output).toMatch(/TRUST_PROXY=true would let any client choose its address/);
    expect(code).toBe(2);
  });
});
