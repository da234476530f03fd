// An admin works the queue: approves a submitted campaign (live, published now),
// rejects one with a reason, takes a live one down (its public page then answers 410), and
// each move is audit-logged; a move from the wrong state changes nothing.
import { describe, expect, it } from "vitest";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { auditActionsFor } from "@/test/moderation-fixtures";
import { campaignCountsByStatus, getCampaignForReview, listCampaignsByStatus, moveCampaign } from "./campaigns";

describe("the review queue", () => {
  it("counts campaigns by state and lists the submitted ones oldest first", async () => {
    const { groupId } = await createMember();
    const before = await campaignCountsByStatus();
    const later = await createCampaign(groupId, { status: "submitted", submittedAt: new Date(Date.now() - 1000) });
    const earlier = await createCampaign(groupId, { status: "submitted", submittedAt: new Date(Date.now() - 60_000) });
    const after = await campaignCountsByStatus();
    expect(after.submitted).toBe(before.submitted + 2);
    const rows = await listCampaignsByStatus("submitted", 1);
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
  });

  it("approves a submitted campaign: live, published now, audit-logged", async () => {
    const { groupId, user } = await createMember();
    const campaign = await createCampaign(groupId, { status: "submitted", submittedAt: new Date() });
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).toBeNull();
    expect(await moveCampaign({ campaignId: campaign.id, move: "approve", actorUserId: user.id })).toEqual({ ok: true, data: { status: "live" } });
    const reviewed = await getCampaignForReview(campaign.id);
    expect(reviewed?.status).toBe("live");
    expect(reviewed?.publishedAt).toBeInstanceOf(Date);
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).not.toBeNull();
    expect(await auditActionsFor(campaign.id)).toEqual(["campaign.approved"]);
    // Approving twice is a conflict, not a second publication.
    expect(await moveCampaign({ campaignId: campaign.id, move: "approve", actorUserId: user.id })).toEqual({ ok: false, code: "conflict" });
  });

  it("rejects a submitted campaign with its reason", async () => {
    const { groupId, user } = await createMember();
    const campaign = await createCampaign(groupId, { status: "submitted", submittedAt: new Date() });
    await moveCampaign({ campaignId: campaign.id, move: "reject", reason: "Duplicate of an open campaign", actorUserId: user.id });
    const reviewed = await getCampaignForReview(campaign.id);
    expect(reviewed).toMatchObject({ status: "rejected", rejectionReason: "Duplicate of an open campaign", publishedAt: null });
    expect(await auditActionsFor(campaign.id)).toEqual(["campaign.rejected"]);
  });

  it("takes a live campaign down with a reason code; its public page is gone", async () => {
    const { groupId, user } = await createMember();
    const campaign = await createCampaign(groupId, { status: "live", publishedAt: new Date() });
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).not.toBeNull();
    expect(await moveCampaign({ campaignId: campaign.id, move: "takedown", reason: "spam", actorUserId: user.id })).toMatchObject({ ok: true });
    expect(await getCampaignForReview(campaign.id)).toMatchObject({ status: "taken_down", takedownReason: "spam" });
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).toBeNull();
    expect(await moveCampaign({ campaignId: campaign.id, move: "takedown", reason: "spam", actorUserId: user.id })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("cannot approve a draft, and an unknown id is not found", async () => {
    const { groupId, user } = await createMember();
    const draft = await createCampaign(groupId, { status: "draft" });
    expect(await moveCampaign({ campaignId: draft.id, move: "approve", actorUserId: user.id })).toMatchObject({ code: "conflict" });
    expect((await getCampaignForReview(draft.id))?.status).toBe("draft");
    expect(await moveCampaign({ campaignId: crypto.randomUUID(), move: "approve", actorUserId: user.id })).toMatchObject({ code: "not_found" });
    expect(await auditActionsFor(draft.id)).toEqual([]);
  });
});
