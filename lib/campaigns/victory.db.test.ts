// Declaring victory emails the campaign's confirmed signers who opted in, once.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { confirmSignature, recordSignature } from "@/lib/signatures/mutations";
import { confirmationToken } from "@/lib/signatures/tokens";
import { declareVictory } from "./victory";

let ip = 0;
async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

async function signer(slug: string, email: string, wantsUpdates: boolean, confirm: boolean) {
  await recordSignature({
    campaignSlug: slug, locale: "en", clientIp: `198.51.100.${++ip}`,
    input: { fullName: "Lucía Torres", email, wantsUpdates },
  });
  const [row] = await rows<{ id: string }>(sql`select id from signatures where email = ${email}`);
  if (confirm) expect((await confirmSignature(confirmationToken(row.id))).status).toBe("confirmed");
}

beforeAll(async () => {
  await getDb();
});

describe("declaring victory", () => {
  it("wins the campaign and sends the victory email to confirmed signers who opted in, once", async () => {
    const member = await createMember({ role: "organizer" });
    const campaign = await createCampaign(member.groupId, { status: "live", publishedAt: new Date() });
    await signer(campaign.slug, "yes@example.org", true, true);
    await signer(campaign.slug, "no-updates@example.org", false, true);
    await signer(campaign.slug, "unconfirmed@example.org", true, false);
    const by = { actor: "organizer" as const, groupId: member.groupId, userId: member.user.id };

    const won = await declareVictory({ campaignId: campaign.id, by, victoryNote: "They dropped the contract." });
    expect(won).toMatchObject({ ok: true, data: { status: "won", recipients: 1 } });
    const deliveries = await rows<{ email: string; body: string }>(
      sql`select d.email, u.body from update_deliveries d join campaign_updates u on u.id = d.update_id
          where u.campaign_id = ${campaign.id} and u.kind = 'victory'`,
    );
    expect(deliveries).toEqual([{ email: "yes@example.org", body: "They dropped the contract." }]);

    // Declared again (a second click): refused by the state table, and no second email.
    expect(await declareVictory({ campaignId: campaign.id, by, victoryNote: "Again." })).toMatchObject({ ok: false, code: "conflict" });
    expect(await rows(sql`select 1 from campaign_updates where campaign_id = ${campaign.id}`)).toHaveLength(1);
  });
});
