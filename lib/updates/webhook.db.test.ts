// The provider's webhook and the unsubscribe links, on the real database: a verified
// bounce or complaint suppresses the address and marks the delivery; forged, stale and
// replayed requests change nothing; one-click POST unsubscribes, GET does not.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";

const SECRET = `whsec_${crypto.randomBytes(24).toString("base64")}`;
process.env.RESEND_WEBHOOK_SECRET = SECRET;

const { getDb, queryRows } = await import("@/db/client");
const { createCampaign, createMember } = await import("@/test/workspace-fixtures");
const { createUpdate, seedSigners } = await import("@/test/update-fixtures");
const { audienceCount, startSend } = await import("./sending");
const { drainOutbox } = await import("@/lib/email/outbox-worker");
const { unsubscribeToken } = await import("./tokens");
const webhook = await import("@/app/api/webhooks/resend/route");
const oneClick = await import("@/app/api/unsubscribe/[token]/route");

function signed(body: unknown, options: { id?: string; at?: Date; secret?: string } = {}): Request {
  const payload = JSON.stringify(body);
  const id = options.id ?? `msg_${crypto.randomBytes(8).toString("hex")}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, payload);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    headers: { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature, "content-type": "application/json" },
    body: payload,
  });
}

async function sentUpdate(count: number) {
  const { groupId } = await createMember();
  const campaign = await createCampaign(groupId, { status: "live" });
  await seedSigners(campaign.id, count, { prefix: `${campaign.slug}-` });
  const update = await createUpdate(campaign.id, groupId);
  await startSend(update.id, null);
  await drainOutbox();
  const rows = await queryRows<{ email: string; provider_id: string; signature_id: string }>(
    await getDb(), sql`select email, provider_id, signature_id from update_deliveries where update_id = ${update.id} order by email`,
  );
  return { campaign, update, rows };
}

async function suppressed(): Promise<string[]> {
  return (await queryRows<{ e: string }>(await getDb(), sql`select email_canonical || ':' || reason as e from suppressions order by 1`)).map((r) => r.e);
}

describe("the Resend webhook", () => {
  it("suppresses a bounced or complaining address and marks its delivery", async () => {
    const { campaign, update, rows } = await sentUpdate(4);
    // Captured mail has no provider ids; give the deliveries some, as Resend would.
    await (await getDb()).execute(sql`update update_deliveries set provider_id = 'prov-' || email where update_id = ${update.id}`);
    const bounce = { type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: `prov-${rows[0].email}`, to: [rows[0].email.toUpperCase()], bounce: { type: "Permanent" } } };
    expect((await webhook.POST(signed(bounce))).status).toBe(200);
    const complaint = { type: "email.complained", data: { email_id: `prov-${rows[1].email}`, to: [rows[1].email] } };
    expect((await webhook.POST(signed(complaint))).status).toBe(200);
    const transient = { type: "email.bounced", data: { email_id: `prov-${rows[2].email}`, to: [rows[2].email], bounce: { type: "Transient" } } };
    expect((await webhook.POST(signed(transient))).status).toBe(200);
    expect(await suppressed()).toEqual([`${rows[0].email}:bounce`, `${rows[1].email}:complaint`]);
    const statuses = await queryRows<{ status: string }>(await getDb(), sql`select status from update_deliveries where update_id = ${update.id} order by email`);
    expect(statuses.map((s) => s.status)).toEqual(["bounced", "complained", "sent", "sent"]);
    // Every later send respects the list.
    expect(await audienceCount(campaign.id, {})).toBe(2);
  });

  it("refuses forged and stale requests, and handles a replay once", async () => {
    const event = { type: "email.complained", data: { to: ["replay@example.org"] } };
    expect((await webhook.POST(signed(event, { secret: `whsec_${crypto.randomBytes(24).toString("base64")}` }))).status).toBe(401);
    expect((await webhook.POST(signed(event, { at: new Date(Date.now() - 10 * 60_000) }))).status).toBe(401);
    const tampered = signed(event);
    const forged = new Request(tampered.url, { method: "POST", headers: tampered.headers, body: JSON.stringify({ ...event, data: { to: ["victim@example.org"] } }) });
    expect((await webhook.POST(forged)).status).toBe(401);
    const unsigned = new Request(tampered.url, { method: "POST", body: JSON.stringify(event) });
    expect((await webhook.POST(unsigned)).status).toBe(401);
    expect(await suppressed()).not.toContain("victim@example.org:complaint");

    const first = await webhook.POST(signed(event, { id: "msg_replayed" }));
    expect(await first.json()).toEqual({ outcome: "handled" });
    await (await getDb()).execute(sql`delete from suppressions where email_canonical = 'replay@example.org'`);
    const again = await webhook.POST(signed(event, { id: "msg_replayed" }));
    expect(await again.json()).toEqual({ outcome: "duplicate" });
    expect(await suppressed()).not.toContain("replay@example.org:complaint");
  });
});

describe("unsubscribing", () => {
  const params = (token: string) => ({ params: Promise.resolve({ token }) });

  it("one-click POST leaves the campaign's updates; GET changes nothing; a forged token finds no one", async () => {
    const { campaign, rows } = await sentUpdate(3);
    const token = unsubscribeToken(rows[0].signature_id);
    const get = await oneClick.GET(new Request(`http://localhost/api/unsubscribe/${token}`), params(token));
    expect(get.status).toBe(303);
    expect(await audienceCount(campaign.id, {})).toBe(3);

    const post = await oneClick.POST(new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), params(token));
    expect(post.status).toBe(200);
    expect(await audienceCount(campaign.id, {})).toBe(2);
    const [delivery] = await queryRows<{ unsubscribed: boolean }>(
      await getDb(), sql`select unsubscribed_at is not null as unsubscribed from update_deliveries where signature_id = ${rows[0].signature_id}`,
    );
    expect(delivery.unsubscribed).toBe(true);

    const forged = `${rows[1].signature_id}.${"A".repeat(43)}`;
    expect((await oneClick.POST(new Request("http://localhost/x", { method: "POST" }), params(forged))).status).toBe(404);
    expect((await oneClick.POST(new Request("http://localhost/x", { method: "POST" }), params("not-a-token"))).status).toBe(404);
    expect(await audienceCount(campaign.id, {})).toBe(2);
  });

  it("every update carries RFC 8058 headers and a footer with the group's postal address", async () => {
    const { groupId } = await createMember();
    await (await getDb()).execute(sql`update groups set postal_address = 'PO Box 7, Oakland CA' where id = ${groupId}`);
    const campaign = await createCampaign(groupId, { status: "live" });
    await seedSigners(campaign.id, 1, { prefix: `${campaign.slug}-` });
    const update = await createUpdate(campaign.id, groupId);
    await startSend(update.id, null);
    const { claimBatch } = await import("@/lib/email/outbox");
    const { compose } = await import("@/lib/email/compose");
    const { feedOutbox } = await import("./sending");
    await feedOutbox();
    const batch = await claimBatch();
    const email = await compose(batch!.rows.find((r) => r.kind === "campaign_update")!);
    const [signature] = await queryRows<{ id: string }>(await getDb(), sql`select id from signatures where campaign_id = ${campaign.id}`);
    expect(email.headers).toEqual({
      "List-Unsubscribe": `<http://localhost:3000/api/unsubscribe/${unsubscribeToken(signature.id)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(email.text).toContain("PO Box 7, Oakland CA");
    expect(email.text).toContain(`/unsubscribe/${unsubscribeToken(signature.id)}`);
    expect(email.text).toContain("/privacy/delete");
    expect(email.html).not.toMatch(/<img/i);
  });
});
