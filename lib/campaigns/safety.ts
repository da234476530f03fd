import "server-only";
// The safety controls of a campaign (for organizers who are targets of harassment, or a
// campaign under attack): freeze signing, hide every name, and purge the personal data
// of a closed campaign while keeping its count. Each is one transaction with its audit
// entry, scoped by the group, and drops the public page's cached copies.
//
// Purging keeps the count honest by keeping the *rows* of confirmed signatures, emptied
// of everything about a person: the count is the sum of the counter shards, and the
// nightly recount rebuilds those from the confirmed rows, so deleting the rows would let
// the recount wipe the count. Unconfirmed and invalidated signatures never counted:
// they are deleted. Emails queued or kept for any of them go too.
import { and, eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type Result } from "@/lib/errors";
import { forgetCampaign } from "./queries";
import { canPurge } from "./states";

export type SafetyControl = "freeze" | "unfreeze" | "hideNames" | "showNames" | "purge";
type Scope = { campaignId: string; groupId: string; userId: string };

const AUDIT: Record<SafetyControl, string> = {
  freeze: "campaign.signing_frozen",
  unfreeze: "campaign.signing_unfrozen",
  hideNames: "campaign.names_hidden",
  showNames: "campaign.names_shown",
  purge: "campaign.personal_data_purged",
};

export type PurgeOutcome = { deleted: number; anonymized: number };

/** Applies one control; refused (conflict) when the campaign's state does not allow it. */
export async function applySafetyControl(scope: Scope, control: SafetyControl): Promise<Result<{ control: SafetyControl; purge?: PurgeOutcome }>> {
  const db = await getDb();
  const where = and(eq(campaigns.id, scope.campaignId), eq(campaigns.groupId, scope.groupId));
  const result = await db.transaction(async (tx): Promise<Result<{ slug: string; purge?: PurgeOutcome }>> => {
    const [current] = await tx
      .select({ slug: campaigns.slug, status: campaigns.status, purgedAt: campaigns.personalDataPurgedAt })
      .from(campaigns)
      .where(where)
      .for("update");
    if (!current) return fail("not_found");
    let purge: PurgeOutcome | undefined;
    if (control === "freeze") await tx.update(campaigns).set({ signingFrozenAt: sql`coalesce(${campaigns.signingFrozenAt}, now())` }).where(where);
    if (control === "unfreeze") await tx.update(campaigns).set({ signingFrozenAt: null }).where(where);
    if (control === "hideNames") await tx.update(campaigns).set({ namesHidden: true }).where(where);
    if (control === "showNames") {
      // Purged names are gone: there is nothing left to show.
      if (current.purgedAt) return fail("conflict");
      await tx.update(campaigns).set({ namesHidden: false }).where(where);
    }
    if (control === "purge") {
      if (!canPurge(current.status)) return fail("conflict");
      const [deleted] = await queryRows<{ n: number }>(
        tx,
        sql`with d as (delete from signatures where campaign_id = ${scope.campaignId} and status <> 'validated' returning 1)
            select count(*)::int as n from d`,
      );
      await tx.execute(sql`delete from email_outbox where signature_id in
                             (select id from signatures where campaign_id = ${scope.campaignId})`);
      // Update deliveries keep their counts for the history, not the address; any not yet sent never will be.
      await tx.execute(sql`update update_deliveries
                             set email = '', status = case when status = 'queued' then 'cancelled'::update_delivery_status else status end
                           where signature_id in (select id from signatures where campaign_id = ${scope.campaignId})`);
      // The row stays so the recount still finds it; nothing in it names or reaches a person.
      // email_canonical must stay unique per campaign: the row's own id stands in.
      const [anonymized] = await queryRows<{ n: number }>(
        tx,
        sql`with a as (
              update signatures set full_name = '', email = '', email_canonical = 'purged:' || id::text,
                postal_code = null, comment = null, ip_hash = null, referred_by = null, show_name = false,
                updates_consent_text = null, updates_consent_at = null, token_hash = null, token_expires_at = null,
                flagged_reason = null
              where campaign_id = ${scope.campaignId}
              returning 1)
            select count(*)::int as n from a`,
      );
      purge = { deleted: Number(deleted?.n ?? 0), anonymized: Number(anonymized?.n ?? 0) };
      await tx.update(campaigns).set({ personalDataPurgedAt: sql`now()`, namesHidden: true }).where(where);
    }
    await recordAudit(
      { actorUserId: scope.userId, action: AUDIT[control], groupId: scope.groupId, campaignId: scope.campaignId, detail: purge ?? {} },
      tx,
    );
    return ok({ slug: current.slug, purge });
  });
  if (!result.ok) return result;
  forgetCampaign({ id: scope.campaignId, slug: result.data.slug });
  return ok({ control, purge: result.data.purge });
}
