// Exactly once, proven: an update to 5,000 signers goes through the Resend stand-in while
// a worker is killed (SIGKILL) mid-send, at the worst moment: the provider has accepted
// a batch and the worker dies before recording it. After a restart every recipient has
// exactly one message. And two workers sending one update at once send nothing twice.
// On PostgreSQL the workers are real `npm run worker` processes; in embedded mode (one
// process) the same moments are played by drains inside the test.
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { startResendStandin } from "@/test/resend-standin";
import { WORKER_ARGS } from "@/scripts/server-flags.mjs";

const standin = await startResendStandin();
process.env.RESEND_API_KEY = "re_test_update_crash";
process.env.RESEND_BASE_URL = standin.url;
process.env.MAIL_RATE_PER_SECOND = "50"; // the stand-in has no limit; a paid plan's rate

const { getDb, queryRows } = await import("@/db/client");
const { createCampaign, createMember } = await import("@/test/workspace-fixtures");
const { createUpdate, seedSigners } = await import("@/test/update-fixtures");
const { startSend } = await import("./sending");
const { drainOutbox } = await import("@/lib/email/outbox-worker");

afterAll(() => standin.close());

const root = path.resolve(import.meta.dirname, "../..");
const RECIPIENTS = 5_000;

async function queueUpdate(count: number) {
  const { groupId } = await createMember();
  const campaign = await createCampaign(groupId, { status: "live" });
  await seedSigners(campaign.id, count, { prefix: `${campaign.slug}-` });
  const update = await createUpdate(campaign.id, groupId);
  expect(await startSend(update.id, null)).toBe(count);
  return { update, prefix: campaign.slug };
}

async function statusCounts(updateId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    await getDb(),
    sql`select status, count(*)::int as n from update_deliveries where update_id = ${updateId} group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Every recipient of the update got exactly one message, and the delivery rows say sent with the provider's id. */
async function expectExactlyOnce(updateId: string, prefix: string, count: number) {
  const perAddress = new Map<string, number>();
  for (const m of standin.sent()) for (const to of m.to) if (to.startsWith(`${prefix}-`)) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  const duplicated = [...perAddress.values()].filter((n) => n > 1).length;
  expect({ received: perAddress.size, duplicated }).toEqual({ received: count, duplicated: 0 });
  expect(await statusCounts(updateId)).toEqual({ sent: count });
  const ids = new Map(standin.sent().map((m) => [m.to[0], m.id]));
  const rows = await queryRows<{ email: string; provider_id: string | null }>(
    await getDb(), sql`select email, provider_id from update_deliveries where update_id = ${updateId}`,
  );
  // A batch retried after the crash was answered with the first request's ids.
  expect(rows.filter((r) => r.provider_id !== ids.get(r.email))).toEqual([]);
  const [state] = await queryRows<{ state: string }>(await getDb(), sql`select state from campaign_updates where id = ${updateId}`);
  expect(state.state).toBe("sent");
}

/** The claims' leases running out, without waiting the minute they last. */
async function expireLeases() {
  await (await getDb()).execute(sql`update email_outbox set next_attempt_at = now() where status = 'sending'`);
}

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startWorker() {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...WORKER_ARGS], {
    cwd: root,
    env: { ...process.env, JOBS: "on" },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: tsx runs the worker in a child, so the whole group is
    // killed, as a container stop would.
    detached: true,
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  return { exited, kill: (signal: NodeJS.Signals) => process.kill(-child.pid!, signal) };
}

describe(`an update to ${RECIPIENTS.toLocaleString("en")} signers`, () => {
  if (process.env.DATABASE_URL) {
    it("reaches everyone exactly once when its worker is SIGKILLed after the provider accepted a batch", async () => {
      standin.reset();
      const { update, prefix } = await queueUpdate(RECIPIENTS);
      const first = startWorker();
      await until(() => standin.sent().length >= 1_000, "the first worker to send 1,000");
      standin.holdAccepted(1);
      await standin.waitForHeld(1); // accepted and recorded by the provider; its answer not yet sent
      first.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      const counts = await statusCounts(update.id);
      expect(counts.queued).toBeGreaterThan(0);
      expect(counts.sent ?? 0).toBeLessThan(standin.sent().length); // the held batch: sent, not recorded
      standin.releaseHeld(); // to nobody: the connection died with the worker

      await expireLeases();
      const second = startWorker();
      try {
        await until(async () => (await statusCounts(update.id)).queued === undefined, "the restarted worker to finish");
        await until(async () => {
          const [s] = await queryRows<{ state: string }>(await getDb(), sql`select state from campaign_updates where id = ${update.id}`);
          return s.state === "sent";
        }, "the update to be marked sent");
      } finally {
        second.kill("SIGTERM");
        await second.exited;
      }
      await expectExactlyOnce(update.id, prefix, RECIPIENTS);
      expect(standin.requests().filter((r) => r.path === "/emails/batch" && r.status === 409)).toEqual([]);
    }, 240_000);

    it("reaches everyone exactly once with two workers sending at the same time", async () => {
      standin.reset();
      const { update, prefix } = await queueUpdate(RECIPIENTS);
      const workers = [startWorker(), startWorker()];
      try {
        await until(async () => (await statusCounts(update.id)).queued === undefined, "the two workers to finish");
        await until(async () => {
          const [s] = await queryRows<{ state: string }>(await getDb(), sql`select state from campaign_updates where id = ${update.id}`);
          return s.state === "sent";
        }, "the update to be marked sent");
      } finally {
        for (const w of workers) w.kill("SIGTERM");
        await Promise.all(workers.map((w) => w.exited));
      }
      await expectExactlyOnce(update.id, prefix, RECIPIENTS);
    }, 240_000);
  } else {
    it("reaches everyone exactly once when a drain dies after the provider accepted a batch", async () => {
      standin.reset();
      const { update, prefix } = await queueUpdate(RECIPIENTS);
      standin.holdAccepted(1);
      const abandoned = drainOutbox();
      await standin.waitForHeld(1);
      await expireLeases(); // the held batch's lease runs out, as if its worker had died
      await until(async () => {
        await drainOutbox();
        return (await statusCounts(update.id)).queued === undefined;
      }, "the other drains to finish");
      standin.releaseHeld();
      await abandoned;
      await expectExactlyOnce(update.id, prefix, RECIPIENTS);
    }, 240_000);

    it("reaches everyone exactly once with two drains at the same time", async () => {
      standin.reset();
      const { update, prefix } = await queueUpdate(RECIPIENTS);
      // Two at once until all is sent (a batch that timed out on this busy machine waits for its retry).
      await until(async () => {
        await Promise.all([drainOutbox(), drainOutbox()]);
        return (await statusCounts(update.id)).queued === undefined;
      }, "the two drains to finish", 200_000);
      await expectExactlyOnce(update.id, prefix, RECIPIENTS);
    }, 240_000);
  }
});
