// `npm run worker`, the email worker in a process of its own, as the README's
// PostgreSQL set-up runs it: it sends what the web process queued. In embedded mode
// (no DATABASE_URL) it must refuse, since two processes cannot share PGlite.
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { WORKER_ARGS } from "./server-flags.mjs";

delete process.env.RESEND_API_KEY; // mail capture: the worker prints and keeps the email
const { getDb, queryRows } = await import("@/db/client");
const { recordSignature } = await import("@/lib/signatures/mutations");

const root = path.resolve(import.meta.dirname, "..");

function startWorker(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...WORKER_ARGS], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, output: () => output };
}

describe("npm run worker", () => {
  it("refuses on PostgreSQL without a mail choice, and names both", async () => {
    // Refused before connecting: the address need not answer.
    const worker = startWorker({
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:9/none",
      RESEND_API_KEY: "",
      MAIL_CAPTURE: "",
    });
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain("RESEND_API_KEY=");
    expect(worker.output()).toContain("MAIL_CAPTURE=on");
  }, 60_000);
  if (process.env.DATABASE_URL) {
    it("sends the confirmation email the web process queued, and stops cleanly", async () => {
      const signed = await recordSignature({
        campaignSlug: "amazon-stop-hosting-palantir",
        input: { fullName: "Inés Worker", email: "ines.worker@example.org" },
        locale: "es",
        clientIp: "192.0.2.44",
      });
      expect(signed.ok).toBe(true);
      const worker = startWorker({ ...process.env, JOBS: "off" });
      const db = await getDb();
      let status = "queued";
      const deadline = Date.now() + 45_000;
      while (status !== "sent" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        const [row] = await queryRows<{ status: string }>(
          db,
          sql`select o.status from email_outbox o join signatures s on s.id = o.signature_id
              where s.email = 'ines.worker@example.org'`,
        );
        status = row.status;
      }
      expect(status).toBe("sent");
      while (!worker.output().includes("[worker] running") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(worker.output()).toContain("[mail-capture] kept 1 email");
      expect(worker.output()).not.toContain("ines.worker@example.org");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
    }, 60_000);
  } else {
    it("refuses in embedded mode and says why", async () => {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const worker = startWorker(env);
      expect(await worker.exited).toBe(2);
      expect(worker.output()).toMatch(/DATABASE_URL is not set\. In embedded mode `npm start` runs the background work itself/);
    }, 60_000);
  }
});
