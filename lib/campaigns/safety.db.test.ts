// The safety controls against a real database: freezing refuses signatures (nothing
// stored), hiding names empties the public list, purging a closed campaign's personal
// data leaves its count honest (also through the nightly recount). Each is audit-logged
// and scoped to the organizer's group.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { confirmedCount, recountSignatures } from "@/lib/signatures/counts";
import { confirmSignature, recordSignature } from "@/lib/signatures/mutations";
import { listRecentPublicSigners } from "@/lib/signatures/queries";
import { confirmationToken } from "@/lib/signatures/tokens";
import { getPublicCampaignBySlug } from "./queries";
import { applySafetyControl } from "./safety";
import { transitionCampaign } from "./mutations";

let ip = 0;
async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

async function liveCampaign() {
  const member = await createMember({ role: "organizer" });
  const campaign = await createCampaign(member.groupId, { status: "live", publishedAt: new Date() });
  const scope = { campaignId: campaign.id, groupId: member.groupId, userId: member.user.id };
  return { member, campaign, scope };
}

async function sign(slug: string, email: string, extra: Record<string, unknown> = {}) {
  return recordSignature({
    campaignSlug: slug, locale: "en", clientIp: `192.0.2.${++ip % 250}`,
    input: { fullName: "Rosa Martínez", email, postalCode: "94110", comment: "Basta.", showName: true, wantsUpdates: true, ...extra },
  });
}

async function signAndConfirm(slug: string, email: string) {
  expect(await sign(slug, email)).toEqual({ ok: true, data: { accepted: true } });
  const [row] = await rows<{ id: string }>(sql`select id from signatures where email = ${email}`);
  expect((await confirmSignature(confirmationToken(row.id))).status).toBe("confirmed");
}

const actions = async (campaignId: string) =>
  (await rows<{ action: string }>(sql`select action from audit_log where campaign_id = ${campaignId} order by id`)).map((r) => r.action);

// Opening (and migrating) a fresh database is slow on a busy machine: a hook has the time for it.
beforeAll(async () => {
  await getDb();
});

describe("freezing signing", () => {
  it("refuses every signature while frozen, storing nothing, and takes them again once unfrozen", async () => {
    const { campaign, scope } = await liveCampaign();
    expect(await applySafetyControl(scope, "freeze")).toMatchObject({ ok: true });
    expect((await getPublicCampaignBySlug(campaign.slug, "en"))!.signingFrozen).toBe(true);
    expect(await sign(campaign.slug, "frozen@example.org")).toEqual({ ok: false, code: "frozen" });
    expect(await rows(sql`select 1 from signatures where campaign_id = ${campaign.id}`)).toHaveLength(0);
    expect(await applySafetyControl(scope, "unfreeze")).toMatchObject({ ok: true });
    expect(await sign(campaign.slug, "thawed@example.org")).toEqual({ ok: true, data: { accepted: true } });
    expect(await actions(campaign.id)).toEqual(["campaign.signing_frozen", "campaign.signing_unfrozen"]);
  });

  it("cannot be used on another group's campaign", async () => {
    const { campaign } = await liveCampaign();
    const stranger = await createMember();
    const result = await applySafetyControl({ campaignId: campaign.id, groupId: stranger.groupId, userId: stranger.user.id }, "freeze");
    expect(result).toEqual({ ok: false, code: "not_found" });
    expect((await getPublicCampaignBySlug(campaign.slug, "en"))!.signingFrozen).toBe(false);
    expect(await actions(campaign.id)).toEqual([]);
  });
});

describe("hiding every name", () => {
  it("empties the public list of signers, whatever each chose, until shown again", async () => {
    const { campaign, scope } = await liveCampaign();
    await signAndConfirm(campaign.slug, "shown@example.org");
    expect((await listRecentPublicSigners(campaign.id)).map((s) => s.name)).toEqual(["Rosa M."]);
    await applySafetyControl(scope, "hideNames");
    expect(await listRecentPublicSigners(campaign.id)).toEqual([]);
    await applySafetyControl(scope, "showNames");
    expect(await listRecentPublicSigners(campaign.id)).toHaveLength(1);
    expect(await actions(campaign.id)).toEqual(["campaign.names_hidden", "campaign.names_shown"]);
  });
});

describe("purging personal data", () => {
  it("is refused while the campaign is live", async () => {
    const { campaign, scope } = await liveCampaign();
    await signAndConfirm(campaign.slug, "live@example.org");
    expect(await applySafetyControl(scope, "purge")).toEqual({ ok: false, code: "conflict" });
    expect(await rows(sql`select 1 from signatures where campaign_id = ${campaign.id} and email <> ''`)).toHaveLength(1);
  });

  it("erases every signer's details of a closed campaign but keeps its count, also through the recount", async () => {
    const { member, campaign, scope } = await liveCampaign();
    for (const email of ["one@example.org", "two@example.org", "three@example.org"]) await signAndConfirm(campaign.slug, email);
    expect(await sign(campaign.slug, "pending@example.org")).toMatchObject({ ok: true });
    expect(await confirmedCount(campaign.id)).toBe(3);
    await transitionCampaign({ campaignId: campaign.id, event: "close", by: { actor: "organizer", groupId: member.groupId, userId: member.user.id } });

    // An update whose email to one signer is still waiting: its address goes, and it never leaves.
    const [update] = await rows<{ id: string }>(
      sql`insert into campaign_updates (group_id, campaign_id, subject, subject_es, body, body_es)
          values (${member.groupId}, ${campaign.id}, 'News', 'Noticias', 'Body', 'Cuerpo') returning id`,
    );
    await rows(sql`insert into update_deliveries (update_id, signature_id, email, locale)
                   select ${update.id}, id, email, locale from signatures where campaign_id = ${campaign.id} and status = 'validated' limit 1
                   returning 1`);

    const purged = await applySafetyControl(scope, "purge");
    expect(purged).toEqual({ ok: true, data: { control: "purge", purge: { deleted: 1, anonymized: 3 } } });
    expect(await rows(sql`select email, status from update_deliveries where update_id = ${update.id}`)).toEqual([{ email: "", status: "cancelled" }]);

    const left = await rows<Record<string, unknown>>(
      sql`select full_name, email, postal_code, comment, ip_hash, show_name, updates_consent_text, referred_by, token_hash, status
          from signatures where campaign_id = ${campaign.id}`,
    );
    expect(left).toHaveLength(3);
    for (const row of left) {
      expect(row).toEqual({
        full_name: "", email: "", postal_code: null, comment: null, ip_hash: null, show_name: false,
        updates_consent_text: null, referred_by: null, token_hash: null, status: "validated",
      });
    }
    expect(await rows(sql`select 1 from email_outbox o join signatures s on s.id = o.signature_id where s.campaign_id = ${campaign.id}`)).toHaveLength(0);
    expect(await confirmedCount(campaign.id)).toBe(3);
    await recountSignatures();
    expect(await confirmedCount(campaign.id)).toBe(3);
    expect(await listRecentPublicSigners(campaign.id)).toEqual([]);
    expect((await getPublicCampaignBySlug(campaign.slug, "en"))!.confirmedCount).toBe(3);

    const [after] = await rows<{ purged: boolean; names_hidden: boolean }>(
      sql`select personal_data_purged_at is not null as purged, names_hidden from campaigns where id = ${campaign.id}`,
    );
    expect(after).toEqual({ purged: true, names_hidden: true });
    // Names that are gone cannot be shown again.
    expect(await applySafetyControl(scope, "showNames")).toEqual({ ok: false, code: "conflict" });
    const [entry] = await rows<{ detail: Record<string, unknown> }>(
      sql`select detail from audit_log where campaign_id = ${campaign.id} and action = 'campaign.personal_data_purged'`,
    );
    expect(entry.detail).toEqual({ deleted: 1, anonymized: 3 });
  });
});
