// The campaign editor against a real database: create, edit, the state table driven
// end to end (submit, an admin's approval or rejection, close, win), what the public
// page shows in each state, and the end date that closes a campaign by itself.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { createCampaign as createFixtureCampaign, createMember } from "@/test/workspace-fixtures";
import { recordSignature } from "@/lib/signatures/mutations";
import { getPublicCampaignBySlug, listLiveCampaigns } from "./queries";
import { closeExpiredCampaigns, createCampaign, transitionCampaign, updateCampaign } from "./mutations";
import { createCampaignSchema, type CampaignInput } from "./schemas";
import { findSimilarLiveCampaigns, getGroupCampaign } from "./workspace-queries";

let n = 0;
function form(values: Record<string, string | string[]> = {}): CampaignInput {
  n += 1;
  const parsed = createCampaignSchema.safeParse({
    groupId: "00000000-0000-4000-8000-000000000000", intent: "save", title: `Stop the contract ${n}`,
    slug: `stop-the-contract-${n}-${Date.now().toString(36)}`, kind: "petition", newCompany: `Acme Surveillance ${n}`,
    ask: "End the contract with ICE.", story: "## Why\n\nBecause.", ...values,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  if (parsed.data.intent !== "save") throw new Error("not a save");
  return parsed.data;
}

const audit = async (campaignId: string) =>
  (await queryRows<{ action: string; detail: Record<string, unknown> }>(await getDb(), sql`select action, detail from audit_log where campaign_id = ${campaignId} order by id`));

async function newDraft(values: Record<string, string | string[]> = {}) {
  const member = await createMember({ role: "organizer" });
  const input = form(values);
  const created = await createCampaign({ groupId: member.groupId, userId: member.user.id, input });
  if (!created.ok) throw new Error(created.code);
  const organizer = { actor: "organizer" as const, groupId: member.groupId, userId: member.user.id };
  return { member, input, id: created.data.id, organizer };
}

async function publish(draft: Awaited<ReturnType<typeof newDraft>>) {
  expect(await transitionCampaign({ campaignId: draft.id, event: "submit", by: draft.organizer })).toMatchObject({ ok: true, data: { status: "submitted" } });
  const admin = await createMember({ role: "member" });
  expect(await transitionCampaign({ campaignId: draft.id, event: "approve", by: { actor: "admin", userId: admin.user.id } })).toMatchObject({
    ok: true, data: { status: "live" },
  });
}

// Opening (and migrating) a fresh database is slow on a busy machine: a hook has the time for it.
beforeAll(async () => {
  await getDb();
});

describe("creating a campaign", () => {
  it("stores a draft with its new target company, audit-logged, and not public", async () => {
    const draft = await newDraft();
    const row = await getGroupCampaign({ campaignId: draft.id, groupId: draft.member.groupId });
    expect(row).toMatchObject({ status: "draft", title: draft.input.title, createdBy: draft.member.user.id, goal: null });
    expect(row!.targets.map((t) => t.name)).toEqual([draft.input.newCompany]);
    expect((await audit(draft.id)).map((a) => a.action)).toEqual(["campaign.created"]);
    expect(await getPublicCampaignBySlug(draft.input.slug, "en")).toBeNull();
  });

  it("refuses a slug already taken, with the error on the slug field", async () => {
    const first = await newDraft();
    const again = await createCampaign({ groupId: first.member.groupId, userId: first.member.user.id, input: { ...form(), slug: first.input.slug } });
    expect(again).toEqual({ ok: false, code: "conflict", fieldErrors: { slug: ["slugTaken"] } });
  });

  it("finds the live campaigns against the same company before a duplicate is made", async () => {
    const live = await newDraft();
    await publish(live);
    const [company] = (await getGroupCampaign({ campaignId: live.id, groupId: live.member.groupId }))!.targets;
    const similar = await findSimilarLiveCampaigns([company.id], []);
    expect(similar.map((c) => c.id)).toEqual([live.id]);
    // A "new" company with the same name is the same company.
    expect((await findSimilarLiveCampaigns([], [company.name.toLowerCase().replace(/ /g, "-")])).map((c) => c.id)).toEqual([live.id]);
  });

  it("cannot be found or changed through another group", async () => {
    const draft = await newDraft();
    const stranger = await createMember();
    expect(await getGroupCampaign({ campaignId: draft.id, groupId: stranger.groupId })).toBeNull();
    const by = { actor: "organizer" as const, groupId: stranger.groupId, userId: stranger.user.id };
    expect(await transitionCampaign({ campaignId: draft.id, event: "submit", by })).toEqual({ ok: false, code: "not_found" });
    expect(await updateCampaign({ campaignId: draft.id, groupId: stranger.groupId, userId: stranger.user.id, input: form() })).toEqual({ ok: false, code: "not_found" });
    expect((await getGroupCampaign({ campaignId: draft.id, groupId: draft.member.groupId }))!.status).toBe("draft");
  });
});

describe("a campaign's states", () => {
  it("goes draft → submitted → live through an admin's approval, and then shows to everyone", async () => {
    const draft = await newDraft();
    await publish(draft);
    const page = await getPublicCampaignBySlug(draft.input.slug, "en");
    expect(page).toMatchObject({ status: "live", title: draft.input.title });
    expect((await listLiveCampaigns("en")).some((c) => c.id === draft.id)).toBe(true);
    expect((await audit(draft.id)).map((a) => a.action)).toEqual(["campaign.created", "campaign.submitted", "campaign.approved"]);
  });

  it("refuses an organizer's approval, and a transition the table does not have", async () => {
    const draft = await newDraft();
    expect(await transitionCampaign({ campaignId: draft.id, event: "approve", by: draft.organizer })).toEqual({ ok: false, code: "conflict" });
    expect(await transitionCampaign({ campaignId: draft.id, event: "close", by: draft.organizer })).toEqual({ ok: false, code: "conflict" });
    expect((await audit(draft.id)).map((a) => a.action)).toEqual(["campaign.created"]);
  });

  it("is rejected with a reason, and back to draft when the organizer edits it", async () => {
    const draft = await newDraft();
    await transitionCampaign({ campaignId: draft.id, event: "submit", by: draft.organizer });
    const admin = { actor: "admin" as const, userId: draft.member.user.id };
    expect(await transitionCampaign({ campaignId: draft.id, event: "reject", by: admin })).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: ["required"] } });
    expect(await transitionCampaign({ campaignId: draft.id, event: "reject", by: admin, reason: "Cite a source for the contract." })).toMatchObject({ ok: true });
    const rejected = await getGroupCampaign({ campaignId: draft.id, groupId: draft.member.groupId });
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Cite a source for the contract." });
    expect(await getPublicCampaignBySlug(draft.input.slug, "en")).toBeNull();
    const edited = await updateCampaign({
      campaignId: draft.id, groupId: draft.member.groupId, userId: draft.member.user.id,
      input: { ...draft.input, newCompany: null, companyIds: rejected!.companyIds, story: "Now with a source." },
    });
    expect(edited).toEqual({ ok: true, data: { id: draft.id, status: "draft" } });
  });

  it("keeps what people signed once live: slug, targets and ask are refused, the story goes public at once", async () => {
    const draft = await newDraft();
    await publish(draft);
    const current = (await getGroupCampaign({ campaignId: draft.id, groupId: draft.member.groupId }))!;
    const base = { ...draft.input, newCompany: null, companyIds: current.companyIds };
    const edit = (input: CampaignInput) => updateCampaign({ campaignId: draft.id, groupId: draft.member.groupId, userId: draft.member.user.id, input });
    expect(await edit({ ...base, slug: `${draft.input.slug}-new` })).toEqual({ ok: false, code: "invalid", fieldErrors: { slug: ["lockedLive"] } });
    expect(await edit({ ...base, ask: "Something else." })).toEqual({ ok: false, code: "invalid", fieldErrors: { ask: ["lockedLive"] } });
    expect(await edit({ ...base, newCompany: "Another Company" })).toEqual({ ok: false, code: "invalid", fieldErrors: { companyIds: ["lockedLive"] } });
    expect(await edit({ ...base, story: "A corrected story." })).toEqual({ ok: true, data: { id: draft.id, status: "live" } });
    expect((await getPublicCampaignBySlug(draft.input.slug, "en"))!.story).toBe("A corrected story.");
  });

  it("is closed by an organizer, then won with a victory note shown on its page", async () => {
    const draft = await newDraft();
    await publish(draft);
    expect(await transitionCampaign({ campaignId: draft.id, event: "close", by: draft.organizer })).toMatchObject({ ok: true, data: { status: "closed" } });
    expect((await getPublicCampaignBySlug(draft.input.slug, "en"))!.status).toBe("closed");
    expect(await recordSignature({ campaignSlug: draft.input.slug, input: { fullName: "Ana Pérez", email: "ana@example.org" }, locale: "en", clientIp: "203.0.113.9" }))
      .toEqual({ ok: false, code: "closed" });
    await transitionCampaign({ campaignId: draft.id, event: "win", by: draft.organizer, victoryNote: "They dropped the contract.", victoryNoteEs: "Cancelaron el contrato." });
    expect(await getPublicCampaignBySlug(draft.input.slug, "en")).toMatchObject({ status: "won", victoryNote: "They dropped the contract." });
    expect(await getPublicCampaignBySlug(draft.input.slug, "es")).toMatchObject({ status: "won", victoryNote: "Cancelaron el contrato." });
  });

  it("answers not found for a submitted, rejected or taken-down campaign on the signing path", async () => {
    const draft = await newDraft();
    await transitionCampaign({ campaignId: draft.id, event: "submit", by: draft.organizer });
    expect(await recordSignature({ campaignSlug: draft.input.slug, input: { fullName: "Ana Pérez", email: "ana@example.org" }, locale: "en", clientIp: "203.0.113.9" }))
      .toEqual({ ok: false, code: "not_found" });
  });
});

describe("the end date", () => {
  it("closes the campaign on every public path before the job runs, and the job writes it down as of the date", async () => {
    const member = await createMember();
    const endsAt = new Date(Date.now() - 60_000);
    const campaign = await createFixtureCampaign(member.groupId, { status: "live", endsAt, publishedAt: new Date() });
    expect((await getPublicCampaignBySlug(campaign.slug, "en"))!.status).toBe("closed");
    expect((await listLiveCampaigns("en")).some((c) => c.id === campaign.id)).toBe(false);
    expect(await recordSignature({ campaignSlug: campaign.slug, input: { fullName: "Ana Pérez", email: "ana@example.org" }, locale: "en", clientIp: "203.0.113.9" }))
      .toEqual({ ok: false, code: "closed" });

    const closed = await closeExpiredCampaigns();
    expect(closed.map((c) => c.id)).toContain(campaign.id);
    const row = await getGroupCampaign({ campaignId: campaign.id, groupId: member.groupId });
    expect(row!.status).toBe("closed");
    expect(row!.closedAt!.getTime()).toBe(endsAt.getTime());
    expect((await audit(campaign.id)).map((a) => a.action)).toEqual(["campaign.expired"]);
    expect((await closeExpiredCampaigns()).map((c) => c.id)).not.toContain(campaign.id);
  });

  it("leaves a campaign whose end date is still ahead alone", async () => {
    const member = await createMember();
    const campaign = await createFixtureCampaign(member.groupId, { status: "live", endsAt: new Date(Date.now() + 3_600_000) });
    expect((await closeExpiredCampaigns()).map((c) => c.id)).not.toContain(campaign.id);
    expect((await getPublicCampaignBySlug(campaign.slug, "en"))!.status).toBe("live");
  });
});
