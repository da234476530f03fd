// Deletion-request emails are capped per signature for its lifetime, like
// confirmation emails: the form cannot be used to mail an address without end.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { MAX_EMAILS_PER_SIGNATURE } from "@/lib/signatures/email-limits";
import { recordSignature } from "@/lib/signatures/mutations";
import { requestDataDeletion } from "./mutations";

describe("deletion-request emails", () => {
  it(`go at most ${MAX_EMAILS_PER_SIGNATURE} times to a signature's address, however long one waits`, async () => {
    await recordSignature({
      campaignSlug: "amazon-stop-hosting-palantir",
      input: { fullName: "Pat Mailed", email: "mailed@example.org" },
      locale: "en",
      clientIp: "192.0.2.50",
    });
    const db = await getDb();
    for (let i = 0; i < MAX_EMAILS_PER_SIGNATURE + 3; i++) {
      // Each request in a later hour: the hourly limits are not what stops them.
      await db.execute(sql`delete from rate_limit_hits where key like 'delete:%'`);
      expect(await requestDataDeletion({ email: "mailed@example.org", locale: "en", clientIp: `192.0.2.${60 + i}` })).toEqual({
        ok: true,
        data: { accepted: true },
      });
    }
    const mails = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from email_outbox where kind = 'data_deletion' and to_address = 'mailed@example.org'`,
    );
    expect(Number(mails[0].n)).toBe(MAX_EMAILS_PER_SIGNATURE);
  });
});
