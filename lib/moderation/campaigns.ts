import "server-only";
// The admin's review queue: campaigns by state with counts (submitted first), one
// campaign to review, and the moves an admin makes (approve, reject with a reason,
// take down with a reason code, restore with a note), each audit-logged in the
// transaction that makes it.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, campaigns, groups } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type Result } from "@/lib/errors";
import { forgetCampaign } from "@/lib/campaigns/queries";
import { confirmedCounts } from "@/lib/signatures/counts";
import { canMove, moveTarget, restoredStatus, type CampaignStatus, type ModerationMove } from "./transitions";

/** The queue's tabs, in the order an admin works them. */
export const queueStatuses: CampaignStatus[] = ["submitted", "live", "draft", "rejected", "taken_down", "closed", "won"];
export const PAGE_SIZE = 25;

export async function campaignCountsByStatus(): Promise<Record<CampaignStatus, number>> {
  const db = await getDb();
  const rows = await db.select({ status: campaigns.status, n: count() }).from(campaigns).groupBy(campaigns.status);
  const out = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<CampaignStatus, number>;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export type QueueRow = {
  id: string; slug: string; title: string; status: CampaignStatus; groupName: string;
  submittedAt: Date | null; publishedAt: Date | null; updatedAt: Date; confirmedCount: number;
};

export async function listCampaignsByStatus(status: CampaignStatus, page: number): Promise<QueueRow[]> {
  const db = await getDb();
  // Submitted: oldest first (first come, first reviewed); the rest: latest change first.
  const order = status === "submitted" ? [asc(campaigns.submittedAt), asc(campaigns.id)] : [desc(campaigns.updatedAt), asc(campaigns.id)];
  const rows = await db
    .select({
      id: campaigns.id, slug: campaigns.slug, title: campaigns.title, status: campaigns.status, groupName: groups.name,
      submittedAt: campaigns.submittedAt, publishedAt: campaigns.publishedAt, updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .innerJoin(groups, eq(groups.id, campaigns.groupId))
    .where(eq(campaigns.status, status))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  const counts = await confirmedCounts(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, confirmedCount: counts.get(r.id) ?? 0 }));
}

export async function getCampaignForReview(campaignId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: campaigns.id, slug: campaigns.slug, status: campaigns.status, kind: campaigns.kind, title: campaigns.title,
      ask: campaigns.ask, story: campaigns.story, titleEs: campaigns.titleEs, askEs: campaigns.askEs,
      goal: campaigns.goal, endsAt: campaigns.endsAt, groupName: groups.name, groupId: campaigns.groupId,
      submittedAt: campaigns.submittedAt, publishedAt: campaigns.publishedAt,
      rejectionReason: campaigns.rejectionReason, takedownReason: campaigns.takedownReason,
    })
    .from(campaigns)
    .innerJoin(groups, eq(groups.id, campaigns.groupId))
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  if (!row) return null;
  const confirmedCount = (await confirmedCounts([row.id])).get(row.id) ?? 0;
  return { ...row, confirmedCount };
}

export type MoveInput = { campaignId: string; move: ModerationMove; reason?: string; actorUserId: string };

const AUDIT_ACTION: Record<ModerationMove, string> = {
  approve: "campaign.approved", reject: "campaign.rejected", takedown: "campaign.taken_down", restore: "campaign.restored",
};

/**
 * The state a taken-down campaign had before: the latest take-down's audit entry, which
 * both take-down paths write in the same transaction as the change (detail.from).
 */
async function stateBeforeTakedown(tx: DbOrTx, campaignId: string): Promise<CampaignStatus | null> {
  const [entry] = await tx
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.campaignId, campaignId), eq(auditLog.action, AUDIT_ACTION.takedown)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const from = entry?.detail.from;
  return typeof from === "string" ? (from as CampaignStatus) : null;
}

/**
 * Approve (→ live, published now), reject (→ rejected, with a reason), take down
 * (→ taken_down, with a reason code) or restore (→ the state before the take-down, with a note).
 */
export async function moveCampaign(input: MoveInput): Promise<Result<{ status: CampaignStatus }>> {
  const db = await getDb();
  const moved = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: campaigns.id, slug: campaigns.slug, status: campaigns.status, groupId: campaigns.groupId })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .for("update")
      .limit(1);
    if (!current) return null;
    if (!canMove(current.status, input.move)) return { conflict: true as const, ...current };
    const target =
      input.move === "restore" ? restoredStatus(current.status, await stateBeforeTakedown(tx, current.id)) : moveTarget[input.move];
    // A take-down with no audit entry (written by hand) has no known state to go back to.
    if (!target) return { conflict: true as const, ...current };
    const set =
      input.move === "approve"
        ? { status: target, publishedAt: sql`coalesce(${campaigns.publishedAt}, now())`, rejectionReason: null }
        : input.move === "reject"
          ? { status: target, rejectionReason: input.reason ?? null }
          : input.move === "takedown"
            ? { status: target, takedownReason: input.reason ?? null }
            : { status: target, takedownReason: null };
    await tx.update(campaigns).set({ ...set, updatedAt: sql`now()` }).where(eq(campaigns.id, current.id));
    const extra = input.move === "takedown" ? { reasonCode: input.reason } : input.move === "restore" ? { note: input.reason } : {};
    await recordAudit(
      {
        actorUserId: input.actorUserId,
        action: AUDIT_ACTION[input.move],
        groupId: current.groupId,
        campaignId: current.id,
        detail: { from: current.status, to: target, ...extra },
      },
      tx,
    );
    return { conflict: false as const, target, ...current };
  });
  if (!moved) return fail("not_found");
  if (moved.conflict) return fail("conflict");
  // The public page and the live list change now (410 for a taken-down campaign, back for a restored one).
  forgetCampaign({ id: moved.id, slug: moved.slug });
  return ok({ status: moved.target });
}

/** Campaign titles by id, for reports that group by campaign. */
export async function campaignTitles(ids: string[]): Promise<Map<string, { title: string; slug: string }>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: campaigns.id, title: campaigns.title, slug: campaigns.slug }).from(campaigns).where(inArray(campaigns.id, ids));
  return new Map(rows.map((r) => [r.id, { title: r.title, slug: r.slug }]));
}

