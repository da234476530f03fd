import "server-only";
// Removing a signer at their request: their signature (and the emails that carried
// their address) is deleted, not hidden, and if it was confirmed the public count
// drops by one in the same transaction: the deletion a signer can do themselves
// (lib/privacy/mutations.ts `deleteSignatures`), for one signature of one campaign.
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { forgetCampaign } from "@/lib/campaigns/queries";
import { deleteSignatures } from "@/lib/privacy/mutations";
import type { SignersScope } from "./filter";

export async function removeSigner(
  scope: SignersScope & { slug: string },
  signatureId: string,
  actorUserId: string,
): Promise<{ removed: boolean; wasConfirmed: boolean }> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [removed] = await deleteSignatures(tx, sql`id = ${signatureId} and campaign_id = ${scope.campaignId}
      and campaign_id in (select id from campaigns where group_id = ${scope.groupId})`);
    if (!removed) return { removed: false, wasConfirmed: false };
    const wasConfirmed = removed.status === "validated";
    // The id only: the person asked to be forgotten.
    await recordAudit({
      actorUserId, action: "signer.removed", groupId: scope.groupId, campaignId: scope.campaignId,
      detail: { signatureId, wasConfirmed },
    }, tx);
    return { removed: true, wasConfirmed };
  });
  // The public count and the recent names may have shown this signer.
  if (outcome.removed) forgetCampaign({ id: scope.campaignId, slug: scope.slug });
  return outcome;
}

/** The export's audit entry: who (the actor), when (the row's time), which filter and how many rows. */
export async function recordExport(
  scope: SignersScope,
  actorUserId: string,
  detail: { filter: Record<string, string>; rows: number; complete: boolean },
): Promise<void> {
  await recordAudit({ actorUserId, action: "signers.exported", groupId: scope.groupId, campaignId: scope.campaignId, detail });
}
