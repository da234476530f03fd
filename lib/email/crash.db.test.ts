// A worker dies at the worst moment: Resend has accepted its batch, and the worker is
// killed (SIGKILL) before it records the batch as sent. After a restart, every
// recipient must still have exactly one message: the batch is retried whole, with the
// same idempotency key and the same bytes, and the provider answers with its first result.
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { startResendStandin } from "@/test/resend-standin";
import { WORKER_ARGS } from "@/scripts/server-flags.mjs";

const standin = await startResendStandin();
process.env.RESEND_API_KEY = "re_test_crash";
process.env.RESEND_BASE_URL = standin.url;

const { getDb, queryRows } = await import("@/db/client");
const { recordSignature } = await import("@/lib/signatures/mutations");
const { drainOutbox } = await import("./outbox-worker");

afterAll(() => standin.close());

const root = path.resolve(import.meta.dirname, "../..");
const RECIPIENTS = Array.from({ length: 5 }, (_, i) => `crash${i}@example.org`);

async function signAll() {
  for (const [i, email] of RECIPIENTS.entries()) {
    const result = await recordSignature({
      campaignSlug: "amazon-stop-hosting-palantir",
      input: { fullName: `Crash Signer ${i}`, email },
      locale: "en",
      clientIp: `198.51.100.${i + 1}`,
    });
    expect(result.ok).toBe(true);
  }
}

async function statuses() {
  return queryRows<{ status: string; provider_id: string | null; to_address: string }>(
    await getDb(),
    sql`select status, provider_id, to_address from email_outbox order by to_address`,
  );
}

/** The claim's lease running out, without waiting the minute it lasts. */
async function expireLeases() {
  await (await getDb()).execute(sql`update email_outbox set next_attempt_at = now() where status = 'sending'`);
}

function expectOneMessageEach() {
  for (const to of RECIPIENTS) expect(standin.sent().filter((m) => m.to.includes(to))).toHaveLength(1);
}

async function until(condition: () => Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a worker killed after the provider accepted its batch", () => {
  if (process.env.DATABASE_URL) {
    it("leaves every recipient with exactly one message after a restart", async () => {
      await signAll();
      const startWorker = () => {
        const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...WORKER_ARGS], {
          cwd: root,
          env: { ...process.env, JOBS: "on" },
          stdio: ["ignore", "pipe", "pipe"],
          // Its own process group: tsx runs the worker in a child process, and SIGKILL
          // cannot be passed on, so the whole group is killed, as a container stop would.
          detached: true,
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
        const kill = (signal: NodeJS.Signals) => process.kill(-child.pid!, signal);
        return { child, exited, kill };
      };

      standin.holdAccepted(1);
      const first = startWorker();
      await standin.waitForHeld(1); // accepted and recorded by the provider; the answer not yet sent
      first.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      expect(standin.sent()).toHaveLength(RECIPIENTS.length);
      expect((await statuses()).map((r) => r.status)).toEqual(RECIPIENTS.map(() => "sending"));
      standin.releaseHeld(); // to nobody: the connection died with the worker

      await expireLeases();
      const second = startWorker();
      try {
        await until(async () => (await statuses()).every((r) => r.status === "sent"), "the restarted worker to send");
      } finally {
        second.kill("SIGTERM");
        await second.exited;
      }
      expectOneMessageEach();
      // The retry was answered with the first request's ids.
      const rows = await statuses();
      for (const row of rows) {
        expect(row.provider_id).toBe(standin.sent().find((m) => m.to.includes(row.to_address))!.id);
      }
      const posts = standin.requests().filter((r) => r.path === "/emails/batch");
      expect(posts.map((r) => r.status)).toEqual([200, 200]);
    }, 120_000);
  } else {
    // Embedded mode runs one process; a worker there dies with the app. The same moment,
    // in process: the first drain's request is accepted and never answered; after the
    // lease another drain takes the batch.
    it("leaves every recipient with exactly one message when another drain takes the batch over", async () => {
      await signAll();
      standin.holdAccepted(1);
      const abandoned = drainOutbox();
      await standin.waitForHeld(1);
      expect((await statuses()).map((r) => r.status)).toEqual(RECIPIENTS.map(() => "sending"));
      await expireLeases();
      await drainOutbox();
      expect((await statuses()).map((r) => r.status)).toEqual(RECIPIENTS.map(() => "sent"));
      expectOneMessageEach();
      standin.releaseHeld();
      await abandoned;
      expectOneMessageEach();
    }, 60_000);
  }
});
