// A burst of one person's submissions, with the per-email limit lifted so that all
// 50 reach the database at once: the unique index and the conditional upsert, not
// the limiter, must keep it to one row and one email.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

process.env.SIGN_LIMIT_PER_EMAIL = "1000/3600";
const { getDb, queryRows } = await import("@/db/client");
const { recordSignature } = await import("./mutations");

describe("a burst of one email", () => {
  it("50 concurrent submissions give one row and one confirmation email", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordSignature({
          campaignSlug: "amazon-stop-hosting-palantir",
          input: { fullName: `Burst ${i}`, email: i % 2 ? "burst@example.org" : " BURST@Example.org" },
          locale: "en",
          clientIp: `192.0.2.${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    const db = await getDb();
    const stored = await queryRows<{ id: string }>(db, sql`select id from signatures where email_canonical = 'burst@example.org'`);
    expect(stored).toHaveLength(1);
    const outbox = await queryRows<{ id: string }>(db, sql`select id from email_outbox where signature_id = ${stored[0].id}`);
    expect(outbox).toHaveLength(1);
  });
});
