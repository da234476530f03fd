// An update's send on the real database: who it reaches, the weekly limit, delivery
// through the outbox behind transactional mail, pause, cancel, and what a signer's
// unsubscribe or a bounce does to the rest of a send.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { createUpdate, seedSigners } from "@/test/update-fixtures";
import { audienceCount, cancelUpdate, feedOutbox, finishUpdates, pauseUpdate, resumeUpdate, startSend } from "./sending";
import { drainOutbox } from "@/lib/email/outbox-worker";
import { claimBatch, sendClaimedBatch } from "@/lib/email/outbox";
import { unsubscribeToken } from "./tokens";
import { unsubscribe } from "./unsubscribe";

async function setup(signers = 30) {
  // Each test's send alone in the queue.
  await (await getDb()).execute(sql`delete from email_outbox`);
  const { user, groupId } = await createMember({ role: "organizer" });
  const campaign = await createCampaign(groupId, { status: "live" });
  await seedSigners(campaign.id, signers, { prefix: `s-${campaign.slug}-` });
  return { user, groupId, campaign };
}

async function deliveries(updateId: string) {
  return queryRows<{ status: string; n: number }>(
    await getDb(),
    sql`select status, count(*)::int as n from update_deliveries where update_id = ${updateId} group by status order by status`,
  );
}

async function state(updateId: string) {
  const [row] = await queryRows<{ state: string; recipient_count: number; frozen: unknown }>(
    await getDb(),
    sql`select state, recipient_count, frozen from campaign_updates where id = ${updateId}`,
  );
  return row;
}

describe("an update's audience", () => {
  it("is the confirmed signers who opted in, minus suppressed addresses, optionally by referral", async () => {
    const { groupId, campaign } = await setup(10);
    await seedSigners(campaign.id, 4, { prefix: `noconsent-${campaign.slug}-`, optedIn: false });
    await seedSigners(campaign.id, 3, { prefix: `pending-${campaign.slug}-`, status: "pending" });
    await seedSigners(campaign.id, 2, { prefix: `ref-${campaign.slug}-`, referredBy: "abc123" });
    await (await getDb()).execute(sql`insert into suppressions (email_canonical, reason) values (${`s-${campaign.slug}-1@example.org`}, 'bounce')`);
    expect(await audienceCount(campaign.id, {})).toBe(11);
    expect(await audienceCount(campaign.id, { referredBy: "abc123" })).toBe(2);

    const update = await createUpdate(campaign.id, groupId);
    expect(await startSend(update.id, null)).toBe(11);
    const after = await state(update.id);
    expect(after.state).toBe("sending");
    expect(after.recipient_count).toBe(11);
    expect(after.frozen).toMatchObject({ subject: { en: "Amazon answered", es: "Amazon respondió" } });
    // Starting twice queues nothing more.
    expect(await startSend(update.id, null)).toBe("gone");
    // Workers move deliveries into the outbox as bulk mail, each once.
    expect(await feedOutbox()).toBe(11);
    expect(await feedOutbox()).toBe(0);
    const [outbox] = await queryRows<{ n: number; bulk: number }>(
      await getDb(),
      sql`select count(*)::int as n, count(*) filter (where priority = 10)::int as bulk from email_outbox where update_delivery_id is not null`,
    );
    expect(outbox).toEqual({ n: 11, bulk: 11 });
    const audit = await queryRows<{ action: string; detail: { recipients: number } }>(
      await getDb(), sql`select action, detail from audit_log where campaign_id = ${campaign.id}`,
    );
    expect(audit).toEqual([expect.objectContaining({ action: "update.send", detail: expect.objectContaining({ recipients: 11 }) })]);
  });

  it("allows three sends a week per campaign unless an admin overrides", async () => {
    const { groupId, campaign } = await setup(2);
    for (let i = 0; i < 3; i++) expect(await startSend((await createUpdate(campaign.id, groupId)).id, null)).toBe(2);
    const fourth = await createUpdate(campaign.id, groupId);
    expect(await startSend(fourth.id, null)).toBe("limit");
    expect((await state(fourth.id)).state).toBe("draft");
    const overridden = await createUpdate(campaign.id, groupId, { limitOverridden: new Date() });
    expect(await startSend(overridden.id, null)).toBe(2);
  });
});

describe("delivering an update", () => {
  it("sends every delivery once, after transactional mail, and marks the update sent", async () => {
    const { groupId, campaign } = await setup(150);
    const update = await createUpdate(campaign.id, groupId);
    await startSend(update.id, null);
    await feedOutbox();
    // A confirmation queued after the update still goes in the first batch.
    await (await getDb()).execute(sql`insert into email_outbox (kind, to_address, data) values ('data_deletion', 'urgent@example.org', '{"requestId":"00000000-0000-0000-0000-000000000000"}')`);
    const first = await claimBatch();
    expect(first!.rows.map((r) => r.to_address)).toContain("urgent@example.org");
    await sendClaimedBatch(first!);

    await drainOutbox();
    expect(await deliveries(update.id)).toEqual([{ status: "sent", n: 150 }]);
    expect((await state(update.id)).state).toBe("sent");
    const [mail] = await queryRows<{ subject: string; text: string }>(
      await getDb(), sql`select subject, text from email_outbox where to_address = ${`s-${campaign.slug}-3@example.org`}`,
    );
    expect(mail.subject).toBe("Amazon respondió"); // every third signer is Spanish
    expect(mail.text).toContain("Gracias.");
  });

  it("pauses, resumes and cancels", async () => {
    const { groupId, campaign } = await setup(40);
    const update = await createUpdate(campaign.id, groupId);
    await startSend(update.id, null);
    expect(await feedOutbox(20)).toBe(20); // twenty in the outbox, twenty still to feed
    expect(await pauseUpdate(update.id)).toBe(true);
    expect(await claimBatch()).toBeNull();
    expect(await feedOutbox()).toBe(0); // a paused update is not fed
    expect(await resumeUpdate(update.id)).toBe(true);
    const batch = await claimBatch(10); // ten in a request when the send is cancelled
    expect(await cancelUpdate(update.id)).toBe(true);
    expect((await state(update.id)).state).toBe("cancelled");
    expect(await deliveries(update.id)).toEqual([{ status: "queued", n: 10 }, { status: "cancelled", n: 30 }]);
    await sendClaimedBatch(batch!);
    expect(await deliveries(update.id)).toEqual([{ status: "sent", n: 10 }, { status: "cancelled", n: 30 }]);
    await finishUpdates();
    expect((await state(update.id)).state).toBe("cancelled");
    expect(await claimBatch()).toBeNull();
  });

  it("does not send to a signer who unsubscribed, or an address that bounced, after the send started", async () => {
    const { groupId, campaign } = await setup(5);
    const update = await createUpdate(campaign.id, groupId);
    await startSend(update.id, null);
    const [left] = await queryRows<{ id: string }>(await getDb(), sql`select id from signatures where email = ${`s-${campaign.slug}-1@example.org`}`);
    expect(await unsubscribe(unsubscribeToken(left.id), "campaign")).toBe(true);
    await (await getDb()).execute(sql`insert into suppressions (email_canonical, reason) values (${`s-${campaign.slug}-2@example.org`}, 'bounce')`);
    await drainOutbox();
    expect(await deliveries(update.id)).toEqual([{ status: "sent", n: 3 }, { status: "suppressed", n: 2 }]);
    expect((await state(update.id)).state).toBe("sent");
    // The next update does not even queue them.
    expect(await audienceCount(campaign.id, {})).toBe(3);
  });
});

describe("scheduled and victory updates", () => {
  it("starts a scheduled update when it is due, not before", async () => {
    const { groupId, campaign } = await setup(3);
    const later = await createUpdate(campaign.id, groupId, { state: "scheduled", scheduledAt: new Date(Date.now() + 3_600_000) });
    const due = await createUpdate(campaign.id, groupId, { state: "scheduled", scheduledAt: new Date(Date.now() - 1000) });
    const { startDueUpdates } = await import("./sending");
    expect(await startDueUpdates()).toBe(1);
    expect((await state(due.id)).state).toBe("sending");
    expect((await state(later.id)).state).toBe("scheduled");
  });

  it("queues one victory email per campaign, past the weekly limit", async () => {
    const { groupId, campaign } = await setup(4);
    await (await getDb()).execute(sql`update campaigns set status = 'won', victory_note = 'We **won**.' where id = ${campaign.id}`);
    for (let i = 0; i < 3; i++) await startSend((await createUpdate(campaign.id, groupId)).id, null);
    const { queueVictoryUpdate } = await import("./mutations");
    const first = await queueVictoryUpdate(campaign.id);
    expect(await queueVictoryUpdate(campaign.id)).toEqual(first); // declared again: the same one
    const [{ n }] = await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from campaign_updates where campaign_id = ${campaign.id} and kind = 'victory'`);
    expect(n).toBe(1);
    expect(first!.recipients).toBe(4);
    const victory = await state(first!.updateId);
    expect(victory.state).toBe("sending");
    expect(victory.frozen).toMatchObject({ body: { en: "We **won**." } });
    expect(await queueVictoryUpdate("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
