// GET /api/health tells an operator whether mail keeps up: how much waits and how old
// the oldest unsent transactional email is, with no personal data in the answer.
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

delete process.env.RESEND_API_KEY; // mail capture: sending needs no provider here
const { getDb } = await import("@/db/client");
const { recordSignature } = await import("@/lib/signatures/mutations");
const { deliverNextBatch } = await import("./outbox");
const { logOutboxHealth } = await import("./outbox-worker");
const { GET } = await import("@/app/api/health/route");

async function health() {
  const response = await GET();
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  return { text, body: JSON.parse(text) };
}

describe("the health endpoint", () => {
  it("reports the mail backlog and the oldest unsent transactional email's age, without addresses", async () => {
    expect((await health()).body).toMatchObject({
      status: "ok",
      database: "ok",
      mail: { mode: "capture", queued: 0, sending: 0, oldestUnsentTransactionalSeconds: null, providerRateLimited: false },
    });
    await recordSignature({
      campaignSlug: "amazon-stop-hosting-palantir",
      input: { fullName: "Health Check", email: "health.check@example.org" },
      locale: "en",
      clientIp: "192.0.2.9",
    });
    // As if it had waited 42 s.
    await (await getDb()).execute(sql`update email_outbox set created_at = now() - interval '42 seconds'`);
    const waiting = await health();
    expect(waiting.body.mail).toMatchObject({ queued: 1, sending: 0 });
    expect(waiting.body.mail.oldestUnsentTransactionalSeconds).toBeGreaterThanOrEqual(42);
    expect(waiting.body.mail.oldestUnsentTransactionalSeconds).toBeLessThan(60);
    expect(waiting.text).not.toMatch(/health\.check|@/);

    // The minute's log line says the same.
    const logged: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args) => void logged.push(args.join(" ")));
    await logOutboxHealth();
    spy.mockRestore();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[email\] 1 queued, 0 sending; oldest unsent transactional 4\d(\.\d)? s$/);

    await deliverNextBatch();
    expect((await health()).body.mail).toMatchObject({ queued: 0, oldestUnsentTransactionalSeconds: null });
  });
});
