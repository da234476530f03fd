// Bulk invalidation: the match count is known before it starts; the job invalidates
// in batches and the public counts are right the moment it ends; a cancel stops it
// before its next batch, and what it did stays done and counted.
import { describe, expect, it } from "vitest";
import { confirmedCount } from "@/lib/signatures/counts";
import { liveCampaign, sign, signAndConfirm, signatureRow } from "@/test/moderation-fixtures";
import { cancelInvalidation, createInvalidation, deleteInvalidation, getInvalidation, runInvalidation, startInvalidation } from "./invalidations";
import { invalidationSchema } from "./schemas";

const input = (values: Record<string, string>) => invalidationSchema.parse({ reason: "Bot run", campaignId: "", ...values });

describe("bulk invalidation", () => {
  it("refuses to describe every signature", () => {
    const parsed = invalidationSchema.safeParse({ reason: "x", campaignId: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain("noConditions");
    expect(invalidationSchema.safeParse({ reason: "x", campaignId: "", ip: "not-an-ip" }).success).toBe(false);
  });

  it("by IP: counts first, then invalidates every match and recomputes the counts", async () => {
    const { campaign, user } = await liveCampaign();
    const other = await liveCampaign();
    const bots = [];
    for (let i = 0; i < 7; i++) bots.push(await signAndConfirm(campaign.slug, `bot${i}@example.net`, "203.0.113.66"));
    await sign(campaign.slug, "bot-pending@example.net", "203.0.113.66");
    await signAndConfirm(other.campaign.slug, "bot-elsewhere@example.net", "203.0.113.66");
    const person = await signAndConfirm(campaign.slug, "person@example.net", "192.0.2.9");
    expect(await confirmedCount(campaign.id)).toBe(8);

    const draft = await createInvalidation(input({ ip: "203.0.113.66", campaignId: campaign.id }), user.id);
    expect(draft).toMatchObject({ status: "draft", matched: 8, invalidated: 0 });
    expect(await confirmedCount(campaign.id)).toBe(8); // nothing happens before it starts

    expect(await startInvalidation(draft.id, user.id, { enqueue: false })).toEqual({ ok: true, data: { matched: 8 } });
    expect(await runInvalidation(draft.id, { batchSize: 3 })).toBe("completed");
    expect(await getInvalidation(draft.id)).toMatchObject({ status: "completed", matched: 8, invalidated: 8 });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await confirmedCount(other.campaign.id)).toBe(1); // another campaign was not named
    expect((await signatureRow(bots[0]))?.status).toBe("invalidated");
    expect((await signatureRow(person))?.status).toBe("validated");
    // Started twice is a conflict.
    expect(await startInvalidation(draft.id, user.id, { enqueue: false })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("by mail domain and time window across campaigns", async () => {
    const { campaign, user } = await liveCampaign();
    const other = await liveCampaign();
    const since = new Date(Date.now() - 1000);
    for (let i = 0; i < 3; i++) await signAndConfirm(campaign.slug, `a${i}@Burner.Example`, `192.0.2.${20 + i}`);
    await signAndConfirm(other.campaign.slug, "b@burner.example", "192.0.2.30");
    await signAndConfirm(campaign.slug, "keep@good.example", "192.0.2.31");
    const draft = await createInvalidation(
      input({ domain: "@burner.example", createdAfter: since.toISOString(), createdBefore: new Date(Date.now() + 60_000).toISOString() }),
      user.id,
    );
    expect(draft.matched).toBe(4);
    await startInvalidation(draft.id, user.id, { enqueue: false });
    await runInvalidation(draft.id);
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await confirmedCount(other.campaign.id)).toBe(0);
  });

  it("stops at a cancel, keeping what it did done and counted", async () => {
    const { campaign, user } = await liveCampaign();
    for (let i = 0; i < 10; i++) await signAndConfirm(campaign.slug, `c${i}@flood.example`, `192.0.2.${40 + i}`);
    const draft = await createInvalidation(input({ domain: "flood.example" }), user.id);
    await startInvalidation(draft.id, user.id, { enqueue: false });
    const status = await runInvalidation(draft.id, {
      batchSize: 4,
      afterBatch: async () => {
        expect(await cancelInvalidation(draft.id, user.id)).toEqual({ ok: true, data: null });
      },
    });
    expect(status).toBe("cancelled");
    expect(await getInvalidation(draft.id)).toMatchObject({ status: "cancelled", matched: 10, invalidated: 4 });
    expect(await confirmedCount(campaign.id)).toBe(6);
    // A cancelled one cannot be cancelled or deleted again; a draft can be deleted.
    expect(await cancelInvalidation(draft.id, user.id)).toMatchObject({ ok: false, code: "conflict" });
    const another = await createInvalidation(input({ domain: "flood.example" }), user.id);
    expect(another.matched).toBe(6);
    expect(await deleteInvalidation(another.id, user.id)).toMatchObject({ ok: true });
    expect(await getInvalidation(another.id)).toBeNull();
  });
});
