// The server refuses settings that cannot work before it starts anything (no build
// or database needed), with a message that says what to set.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_ENTRY } from "../scripts/server-flags.mjs";

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: path.resolve(import.meta.dirname, ".."),
    // Only what the test gives: the caller's DATABASE_URL or RESEND_API_KEY stay out.
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("npm start refuses", () => {
  it("PostgreSQL without a mail choice, naming both choices", async () => {
    const { code, output } = await start({ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    expect(code).toBe(2);
    expect(output).toContain("RESEND_API_KEY=");
    expect(output).toContain("MAIL_CAPTURE=on");
  });

  it("a TRUST_PROXY it cannot follow", async () => {
    const { code, output } = await start({ TRUST_PROXY: "true" });
    expect(code).toBe(2);
    expect(output).toMatch(/TRUST_PROXY=true would let any client choose its address/);
  });
});
