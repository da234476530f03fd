// An admin restores a campaign taken down by mistake or after an appeal: it goes back to
// the state it had (live, closed or won), its signatures as they were, the public page
// answers again, and the move is audit-logged with the admin's note. Nothing else can be
// restored, and only an admin can do it (the same guard as take-down).
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { createCampaign, createMember } from "@/test/workspace-fixtures";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const signedInAs = (token: string) => jar.set("authjs.session-token", token);
beforeEach(() => jar.clear());

const { getPublicCampaignBySlug, isCampaignTakenDown } = await import("@/lib/campaigns/queries");
const { recordSignature } = await import("@/lib/signatures/mutations");
const { getCampaignForReview, moveCampaign } = await import("./campaigns");
const { moveCampaignAction } = await import("./actions");
const { idle } = await import("@/lib/auth/guard");
const { moveSchema } = await import("./schemas");
const { liveCampaign, signAndConfirm } = await import("@/test/moderation-fixtures");

async function auditRows(campaignId: string) {
  return queryRows<{ action: string; detail: Record<string, unknown> }>(
    await getDb(), sql`select action, detail from audit_log where campaign_id = ${campaignId} order by id`,
  );
}

describe("restoring a taken-down campaign", () => {
  it("puts a live campaign back live, signatures untouched, with an audit entry", async () => {
    const { campaign, user } = await liveCampaign();
    await signAndConfirm(campaign.slug, "restore-signer@example.org", "203.0.113.7");
    await moveCampaign({ campaignId: campaign.id, move: "takedown", reason: "spam", actorUserId: user.id });
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).toBeNull();
    // Taken down, it is gone (410 in the API), not unknown.
    expect(await isCampaignTakenDown(campaign.slug)).toBe(true);
    const late = { campaignSlug: campaign.slug, input: { fullName: "Late Signer", email: "late@example.org" }, locale: "en" as const, clientIp: "203.0.113.8" };
    expect(await recordSignature(late)).toEqual({ ok: false, code: "gone" });

    const restored = await moveCampaign({ campaignId: campaign.id, move: "restore", reason: "Appeal upheld", actorUserId: user.id });
    expect(restored).toEqual({ ok: true, data: { status: "live" } });
    expect(await getCampaignForReview(campaign.id)).toMatchObject({ status: "live", takedownReason: null, confirmedCount: 1 });
    expect(await getPublicCampaignBySlug(campaign.slug, "en")).toMatchObject({ status: "live", confirmedCount: 1 });
    expect(await isCampaignTakenDown(campaign.slug)).toBe(false);
    expect((await auditRows(campaign.id)).filter((row) => row.action.startsWith("campaign."))).toEqual([
      { action: "campaign.taken_down", detail: { from: "live", to: "taken_down", reasonCode: "spam" } },
      { action: "campaign.restored", detail: { from: "taken_down", to: "live", note: "Appeal upheld" } },
    ]);
  });

  it("goes back to closed or won, whichever it was", async () => {
    for (const status of ["closed", "won"] as const) {
      const { campaign, user } = await liveCampaign({ status, victoryNote: status === "won" ? "They dropped the contract." : null });
      await moveCampaign({ campaignId: campaign.id, move: "takedown", reason: "other", actorUserId: user.id });
      expect(await moveCampaign({ campaignId: campaign.id, move: "restore", reason: "Mistake", actorUserId: user.id })).toEqual({ ok: true, data: { status } });
      expect((await getCampaignForReview(campaign.id))?.status).toBe(status);
    }
  });

  it("restores only a taken-down campaign, and only one whose take-down is on record", async () => {
    const { campaign, user } = await liveCampaign();
    expect(await moveCampaign({ campaignId: campaign.id, move: "restore", reason: "No", actorUserId: user.id })).toEqual({ ok: false, code: "conflict" });
    const { groupId } = await createMember();
    for (const status of ["draft", "submitted", "rejected"] as const) {
      const other = await createCampaign(groupId, { status });
      expect(await moveCampaign({ campaignId: other.id, move: "restore", reason: "No", actorUserId: user.id })).toEqual({ ok: false, code: "conflict" });
      expect((await getCampaignForReview(other.id))?.status).toBe(status);
    }
    // Taken down without an audit entry (written by hand): there is no known state to go back to.
    const unrecorded = await createCampaign(groupId, { status: "taken_down", takedownReason: "spam" });
    expect(await moveCampaign({ campaignId: unrecorded.id, move: "restore", reason: "No", actorUserId: user.id })).toEqual({ ok: false, code: "conflict" });
    expect((await getCampaignForReview(unrecorded.id))?.status).toBe("taken_down");
    expect(await auditRows(unrecorded.id)).toEqual([]);
  });

  it("refuses a restore from anyone who is not an admin, even the campaign's owner, and wants a note", async () => {
    const { campaign, user, groupId } = await liveCampaign();
    await moveCampaign({ campaignId: campaign.id, move: "takedown", reason: "spam", actorUserId: user.id });
    const owner = await createMember({ role: "owner", groupId });
    signedInAs(owner.sessionToken);
    const form = new FormData();
    form.set("campaignId", campaign.id);
    form.set("move", "restore");
    form.set("reason", "Please");
    expect(await moveCampaignAction(idle, form)).toMatchObject({ status: "error", code: "not_found" });
    jar.clear();
    expect(await moveCampaignAction(idle, form)).toMatchObject({ status: "error", code: "unauthorized" });
    expect((await getCampaignForReview(campaign.id))?.status).toBe("taken_down");
    expect((await auditRows(campaign.id)).map((r) => r.action)).toEqual(["campaign.taken_down"]);

    // The note is required, as a reason is for a take-down.
    expect(moveSchema.safeParse({ campaignId: campaign.id, move: "restore", reason: "  " }).error?.issues[0].message).toBe("reasonRequired");
  });
});
