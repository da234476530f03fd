import "server-only";
// The audit log's one writer. Call it with the transaction that makes the change, so
// the entry and the change land together. Detail holds ids, counts and filters, never
// a signer's address or name.
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type AuditEntryInput = {
  actorUserId: string | null;
  action: string;
  groupId?: string | null;
  campaignId?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordAudit(entry: AuditEntryInput, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    groupId: entry.groupId ?? null,
    campaignId: entry.campaignId ?? null,
    detail: entry.detail ?? {},
  });
}
