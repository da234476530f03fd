// The signing path against a real PostgreSQL (PGlite, or the server in DATABASE_URL).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { forgetEveryCampaign } from "@/lib/campaigns/queries";
import { confirmedCount, recountSignatures } from "./counts";
import { confirmSignature, purgeUnconfirmedSignatures, recordSignature } from "./mutations";
import { confirmationToken } from "./tokens";

const SLUG = "palantir-end-falcon-icm";
let campaignId: string;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter % 250}-${ipCounter}`;

function sign(input: Record<string, unknown>, opts: { slug?: string; ip?: string; locale?: "en" | "es" } = {}) {
  return recordSignature({
    campaignSlug: opts.slug ?? SLUG,
    input: { fullName: "Ana Pérez", ...input },
    locale: opts.locale ?? "en",
    clientIp: opts.ip ?? freshIp(),
  });
}

async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

async function signatureByEmail(email: string) {
  const [row] = await rows<Record<string, unknown>>(sql`select * from signatures where email = ${email}`);
  return row;
}

async function outboxFor(signatureId: unknown) {
  return rows<{ id: string; kind: string }>(sql`select id, kind from email_outbox where signature_id = ${signatureId}`);
}

/** Outbox rows a worker would take now. */
async function dueEmails(outboxIds: string[]) {
  const due = await rows<{ id: string }>(
    sql`select id from email_outbox where status = 'queued' and next_attempt_at <= now()`,
  );
  return due.filter((row) => outboxIds.includes(row.id));
}

beforeAll(async () => {
  const [c] = await rows<{ id: string }>(sql`select id from campaigns where slug = ${SLUG}`);
  campaignId = c.id;
});

describe("recording a signature", () => {
  it("stores it pending, with its confirmation email queued and due at once", async () => {
    const result = await sign({ email: "ana@example.org", postalCode: "30318", comment: "¡Ya basta!" });
    expect(result).toEqual({ ok: true, data: { accepted: true } });
    const row = await signatureByEmail("ana@example.org");
    expect(row).toMatchObject({ status: "pending", email_canonical: "ana@example.org", postal_code: "30318", show_name: false });
    expect(row.validated_at).toBeNull();
    const outbox = await outboxFor(row.id);
    expect(outbox.map((o) => o.kind)).toEqual(["signature_confirmation"]);
    expect(await dueEmails(outbox.map((o) => o.id))).toHaveLength(1);
    expect(await confirmedCount(campaignId)).toBe(0);
  });

  it("keeps the IP only as a keyed hash", async () => {
    await sign({ email: "ip@example.org" }, { ip: "203.0.113.77" });
    const row = await signatureByEmail("ip@example.org");
    expect(row.ip_hash).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(row)).not.toContain("203.0.113.77");
  });

  it("records consent to updates with its words and time, and nothing without it", async () => {
    await sign({ email: "yes@example.org", wantsUpdates: true }, { locale: "es" });
    await sign({ email: "no@example.org" });
    const yes = await signatureByEmail("yes@example.org");
    const no = await signatureByEmail("no@example.org");
    expect(yes.updates_consent_text).toMatch(/^Acepto recibir correos/);
    expect(new Date(String(yes.updates_consent_at)).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(no.updates_consent_text).toBeNull();
    expect(no.updates_consent_at).toBeNull();
  });

  it("records the referral code a signature came through", async () => {
    await sign({ email: "friend@example.org", ref: "abcdefgh23" });
    expect((await signatureByEmail("friend@example.org")).referred_by).toBe("abcdefgh23");
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const result = await sign({ fullName: "=1+1", email: "nope" });
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { fullName: ["fullNameUnsafe"], email: ["emailInvalid"] } });
    expect(await signatureByEmail("nope")).toBeUndefined();
  });

  it("answers a filled honeypot like a signature but stores nothing", async () => {
    expect(await sign({ email: "bot@example.org", website: "http://spam" })).toEqual({ ok: true, data: { accepted: true } });
    expect(await signatureByEmail("bot@example.org")).toBeUndefined();
  });

  it("knows unknown and closed campaigns", async () => {
    expect(await sign({ email: "x@example.org" }, { slug: "no-such-campaign" })).toMatchObject({ ok: false, code: "not_found" });
    const db = await getDb();
    await db.execute(sql`update campaigns set status = 'closed' where slug = 'thomson-reuters-cut-ice-data'`);
    forgetEveryCampaign(); // the cached status would otherwise last its two seconds
    expect(await sign({ email: "x@example.org" }, { slug: "thomson-reuters-cut-ice-data" })).toMatchObject({
      ok: false,
      code: "closed",
    });
    await db.execute(sql`update campaigns set status = 'live' where slug = 'thomson-reuters-cut-ice-data'`);
    forgetEveryCampaign();
  });
});

describe("a repeated signature", () => {
  it("answers exactly like the first, keeps one row with the latest details, and re-sends only after a pause, at most 5 times", async () => {
    const first = await sign({ email: "Repeat.Me+x@Gmail.com" });
    const again = await sign({ email: "repeatme@gmail.com", fullName: "Someone Else" });
    expect(again).toEqual(first);
    const [row, ...others] = await rows<{ id: string; full_name: string }>(
      sql`select id, full_name from signatures where email_canonical = 'repeatme@gmail.com'`,
    );
    expect(others).toHaveLength(0);
    expect(row.full_name).toBe("Someone Else"); // still pending: the latest submission's details
    expect(await outboxFor(row.id)).toHaveLength(1);

    const db = await getDb();
    for (let i = 0; i < 6; i++) {
      await db.execute(sql`update signatures set last_email_queued_at = now() - interval '3 minutes' where id = ${row.id}`);
      await sign({ email: "repeatme@gmail.com" });
    }
    expect(await outboxFor(row.id)).toHaveLength(5);
  });

  it("tells a confirmed signer by email that they had already signed", async () => {
    await sign({ email: "done@example.org" });
    const row = await signatureByEmail("done@example.org");
    await confirmSignature(confirmationToken(String(row.id)));
    const db = await getDb();
    await db.execute(sql`update signatures set last_email_queued_at = now() - interval '3 minutes' where id = ${row.id}`);
    await sign({ email: "done@example.org" });
    expect((await outboxFor(row.id)).map((o) => o.kind).sort()).toEqual(["already_signed", "signature_confirmation"]);
  });
});

describe("confirming", () => {
  it("counts a signature once, however often it is confirmed", async () => {
    await sign({ email: "confirm@example.org", showName: true });
    const row = await signatureByEmail("confirm@example.org");
    const before = await confirmedCount(campaignId);
    const token = confirmationToken(String(row.id));
    expect(await confirmSignature(token)).toMatchObject({ status: "confirmed", campaignSlug: SLUG });
    expect(await confirmSignature(token)).toMatchObject({ status: "already_confirmed", campaignSlug: SLUG });
    expect(await confirmedCount(campaignId)).toBe(before + 1);
    expect((await signatureByEmail("confirm@example.org")).status).toBe("validated");
  });

  it("refuses mangled and expired tokens", async () => {
    expect(await confirmSignature("not a token")).toEqual({ status: "invalid" });
    expect(await confirmSignature("A".repeat(43))).toEqual({ status: "invalid" });
    await sign({ email: "late@example.org" });
    const row = await signatureByEmail("late@example.org");
    const db = await getDb();
    await db.execute(sql`update signatures set token_expires_at = now() - interval '1 second' where id = ${row.id}`);
    expect(await confirmSignature(confirmationToken(String(row.id)))).toEqual({ status: "invalid" });
    expect((await signatureByEmail("late@example.org")).status).toBe("pending");
  });

  it("keeps the count exact under concurrent confirmations, and a recount repairs drift", async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `many${i}@example.org`);
    await Promise.all(emails.map((email) => sign({ email })));
    const ids = await rows<{ id: string }>(sql`select id from signatures where email like 'many%@example.org'`);
    const before = await confirmedCount(campaignId);
    await Promise.all(ids.map(({ id }) => confirmSignature(confirmationToken(id))));
    expect(await confirmedCount(campaignId)).toBe(before + 40);

    const db = await getDb();
    await db.execute(sql`update signature_count_shards set confirmed = confirmed + 7 where campaign_id = ${campaignId}`);
    expect(await confirmedCount(campaignId)).toBeGreaterThan(before + 40);
    const repaired = await recountSignatures();
    expect(repaired.find((r) => r.campaignId === campaignId)?.after).toBe(before + 40);
    expect(await confirmedCount(campaignId)).toBe(before + 40);
    expect(await recountSignatures()).toEqual([]);
  });
});

describe("abuse limits", () => {
  it("flags, but accepts, signatures over the per-IP soft limit", async () => {
    const ip = "192.0.2.200";
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await sign({ email: `limit${i}@example.org` }, { ip }));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await signatureByEmail("limit19@example.org")).flagged_reason).toBeNull();
    expect((await signatureByEmail("limit20@example.org")).flagged_reason).toBe("ip_soft_limit");
  });

  it("limits attempts per email address across campaigns", async () => {
    const slugs = ["amazon-stop-hosting-palantir", "palantir-end-falcon-icm", "thomson-reuters-cut-ice-data", "no-palantir-careers-pledge"];
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await sign({ email: "busy@example.org" }, { slug: slugs[i % 4] }));
    expect(results.slice(0, 6).every((r) => r.ok)).toBe(true);
    expect(results[6]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("purging", () => {
  it("deletes unconfirmed signatures after 30 days and keeps the rest", async () => {
    await sign({ email: "old-pending@example.org" });
    await sign({ email: "old-confirmed@example.org" });
    await sign({ email: "young-pending@example.org" });
    const confirmed = await signatureByEmail("old-confirmed@example.org");
    await confirmSignature(confirmationToken(String(confirmed.id)));
    const db = await getDb();
    await db.execute(sql`update signatures set created_at = now() - interval '31 days'
                         where email in ('old-pending@example.org', 'old-confirmed@example.org')`);
    expect(await purgeUnconfirmedSignatures()).toBeGreaterThanOrEqual(1);
    expect(await signatureByEmail("old-pending@example.org")).toBeUndefined();
    expect(await signatureByEmail("old-confirmed@example.org")).toBeDefined();
    expect(await signatureByEmail("young-pending@example.org")).toBeDefined();
  });
});
