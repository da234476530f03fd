// Deleting one's data: ask by email, get a link, press the button; every signature
// made with the address goes, and the public counts go down with it.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { confirmedCount } from "@/lib/signatures/counts";
import { confirmSignature, recordSignature } from "@/lib/signatures/mutations";
import { confirmationToken } from "@/lib/signatures/tokens";
import { deleteSignerData, deletionToken, isDeletionTokenValid, requestDataDeletion } from "./mutations";

async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

async function signAs(email: string, slug: string, confirm: boolean) {
  await recordSignature({ campaignSlug: slug, input: { fullName: "Sam Ortiz", email }, locale: "en", clientIp: "192.0.2.9" });
  const [row] = await rows<{ id: string; campaign_id: string }>(
    sql`select s.id, s.campaign_id from signatures s join campaigns c on c.id = s.campaign_id
        where s.email = ${email} and c.slug = ${slug}`,
  );
  if (confirm) await confirmSignature(confirmationToken(row.id));
  return row.campaign_id;
}

describe("deleting one's data", () => {
  it("emails a link only to an address that signed, answering the same either way", async () => {
    const unknown = await requestDataDeletion({ email: "never-signed@example.org", locale: "en", clientIp: "192.0.2.1" });
    await signAs("sam@example.org", "amazon-stop-hosting-palantir", false);
    const known = await requestDataDeletion({ email: "SAM@example.org", locale: "en", clientIp: "192.0.2.1" });
    expect(known).toEqual(unknown);
    const mails = await rows<{ to_address: string; kind: string }>(
      sql`select to_address, kind from email_outbox where kind = 'data_deletion'`,
    );
    expect(mails).toEqual([{ to_address: "SAM@example.org", kind: "data_deletion" }]);
  });

  it("deletes every signature made with the address and lowers the counts", async () => {
    const a = await signAs("del@example.org", "palantir-end-falcon-icm", true);
    const b = await signAs("del+x@example.org", "thomson-reuters-cut-ice-data", true);
    await signAs("del@example.org", "no-palantir-careers-pledge", false);
    await signAs("keep@example.org", "palantir-end-falcon-icm", true);
    const [countA, countB] = [await confirmedCount(a), await confirmedCount(b)];

    await requestDataDeletion({ email: "del@example.org", locale: "es", clientIp: "192.0.2.2" });
    const [request] = await rows<{ id: string }>(
      sql`select id from data_deletion_requests where email_canonical = 'del@example.org'`,
    );
    const token = deletionToken(request.id);
    expect(await isDeletionTokenValid(token)).toBe(true);
    expect(await deleteSignerData(token)).toEqual({ status: "deleted", signatures: 3 });

    expect(await rows(sql`select 1 from signatures where email_canonical = 'del@example.org'`)).toHaveLength(0);
    expect(await rows(sql`select 1 from signatures where email = 'keep@example.org'`)).toHaveLength(1);
    expect(await rows(sql`select 1 from data_deletion_requests where id = ${request.id}`)).toHaveLength(0);
    expect(await rows(sql`select 1 from email_outbox where data->>'requestId' = ${request.id}`)).toHaveLength(0);
    expect(await confirmedCount(a)).toBe(countA - 1);
    expect(await confirmedCount(b)).toBe(countB - 1);
    expect(await deleteSignerData(token)).toEqual({ status: "invalid" });
  });

  it("refuses expired and made-up links", async () => {
    await signAs("late-delete@example.org", "amazon-stop-hosting-palantir", false);
    await requestDataDeletion({ email: "late-delete@example.org", locale: "en", clientIp: "192.0.2.3" });
    const [request] = await rows<{ id: string }>(
      sql`select id from data_deletion_requests where email_canonical = 'late-delete@example.org'`,
    );
    const db = await getDb();
    await db.execute(sql`update data_deletion_requests set expires_at = now() - interval '1 minute' where id = ${request.id}`);
    expect(await deleteSignerData(deletionToken(request.id))).toEqual({ status: "invalid" });
    expect(await deleteSignerData("made-up-token-made-up-token")).toEqual({ status: "invalid" });
    expect(await rows(sql`select 1 from signatures where email = 'late-delete@example.org'`)).toHaveLength(1);
  });
});
