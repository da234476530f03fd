// Database-test helpers for moderation: a live campaign and signatures made through
// the real signing path (and confirmed through the real confirmation).
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { confirmSignature, recordSignature } from "@/lib/signatures/mutations";
import { confirmationToken } from "@/lib/signatures/tokens";
import { createCampaign, createMember } from "@/test/workspace-fixtures";

export async function liveCampaign(values: Record<string, unknown> = {}) {
  const { groupId, user } = await createMember({ role: "owner" });
  const campaign = await createCampaign(groupId, { status: "live", publishedAt: new Date(), ...values });
  return { campaign, groupId, user };
}

export async function sign(slug: string, email: string, ip: string, extra: { fullName?: string; postalCode?: string; now?: number } = {}) {
  const result = await recordSignature({
    campaignSlug: slug,
    input: { fullName: extra.fullName ?? "Test Signer", email, postalCode: extra.postalCode },
    locale: "en",
    clientIp: ip,
    now: extra.now,
  });
  if (!result.ok) throw new Error(`signing refused: ${result.code}`);
  const [row] = await queryRows<{ id: string }>(
    await getDb(),
    sql`select s.id from signatures s join campaigns c on c.id = s.campaign_id where c.slug = ${slug} and s.email = ${email}`,
  );
  return row.id;
}

export async function signAndConfirm(slug: string, email: string, ip: string, extra: Parameters<typeof sign>[3] = {}) {
  const id = await sign(slug, email, ip, extra);
  const outcome = await confirmSignature(confirmationToken(id));
  if (outcome.status !== "confirmed") throw new Error(`not confirmed: ${outcome.status}`);
  return id;
}

export async function signatureRow(id: string) {
  const [row] = await queryRows<{ status: string; flagged_reason: string | null; updates_consent_at: Date | null }>(
    await getDb(),
    sql`select status, flagged_reason, updates_consent_at from signatures where id = ${id}`,
  );
  return row ?? null;
}

export async function auditActionsFor(campaignId: string | null) {
  const rows = await queryRows<{ action: string }>(
    await getDb(),
    campaignId ? sql`select action from audit_log where campaign_id = ${campaignId} order by id` : sql`select action from audit_log order by id`,
  );
  return rows.map((r) => r.action);
}
