import "server-only";
// What an admin does to one signature found by search: invalidate it, validate it,
// unsubscribe it from updates, or delete it (its personal data with it). The count
// changes in the same transaction, and the audit entry names the signature's id only.
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type Result } from "@/lib/errors";
import { forgetCampaign } from "@/lib/campaigns/queries";
import { countConfirmation, countRemovals } from "@/lib/signatures/counts";
import type { SignatureAction } from "./schemas";

type Row = { id: string; status: string; campaign_id: string; group_id: string; slug: string };

const pastTense: Record<SignatureAction, string> = {
  invalidate: "signature.invalidated",
  validate: "signature.validated",
  unsubscribe: "signature.unsubscribed",
  delete: "signature.deleted",
};

export async function actOnSignature(signatureId: string, action: SignatureAction, actorUserId: string): Promise<Result<{ status: string | null }>> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await queryRows<Row>(
      tx,
      sql`select s.id, s.status, s.campaign_id, c.group_id, c.slug
          from signatures s join campaigns c on c.id = s.campaign_id
          where s.id = ${signatureId} for update of s`,
    );
    if (!row) return null;
    let status: string | null = row.status;
    if (action === "invalidate") {
      if (row.status !== "pending" && row.status !== "validated") return { row, conflict: true };
      await tx.execute(sql`update signatures set status = 'invalidated' where id = ${row.id}`);
      if (row.status === "validated") await countRemovals(tx, new Map([[row.campaign_id, 1]]));
      status = "invalidated";
    } else if (action === "validate") {
      if (row.status === "validated") return { row, conflict: true };
      await tx.execute(sql`update signatures set status = 'validated', validated_at = coalesce(validated_at, now()) where id = ${row.id}`);
      await countConfirmation(tx, row.campaign_id);
      status = "validated";
    } else if (action === "unsubscribe") {
      await tx.execute(sql`update signatures set updates_consent_text = null, updates_consent_at = null where id = ${row.id}`);
    } else {
      // Deleting the row deletes the name, address, postal code and comment; queued mail goes with it.
      await tx.execute(sql`delete from signatures where id = ${row.id}`);
      if (row.status === "validated") await countRemovals(tx, new Map([[row.campaign_id, 1]]));
      status = null;
    }
    await recordAudit(
      { actorUserId, action: pastTense[action], groupId: row.group_id, campaignId: row.campaign_id, detail: { signatureId: row.id, from: row.status } },
      tx,
    );
    return { row, conflict: false, status };
  });
  if (!outcome) return fail("not_found");
  if (outcome.conflict) return fail("conflict");
  forgetCampaign({ id: outcome.row.campaign_id, slug: outcome.row.slug });
  return ok({ status: outcome.status ?? null });
}
