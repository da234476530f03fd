import "server-only";
// The admin's review queue: campaigns by state with counts (submitted first), one
// campaign to review, and the moves an admin makes (approve, reject with a reason,
// take down with a reason code), each audit-logged in the transaction that makes it.
import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, groups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type Result } from "@/lib/errors";
import { forgetCampaign } from "@/lib/campaigns/queries";
import { confirmedCounts } from "@/lib/signatures/counts";
import { canMove, moveTarget, type CampaignStatus, type ModerationMove } from "./transitions";

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

/** Approve (→ live, published now), reject (→ rejected, with a reason) or take down (→ taken_down). */
export async function moveCampaign(input: MoveInput): Promise<Result<{ status: CampaignStatus }>> {
  const db = await getDb();
  const target = moveTarget[input.move];
  const moved = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: campaigns.id, slug: campaigns.slug, status: campaigns.status, groupId: campaigns.groupId })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .for("update")
      .limit(1);
    if (!current) return null;
    if (!canMove(current.status, input.move)) return { conflict: true as const, ...current };
    const set =
      input.move === "approve"
        ? { status: target, publishedAt: sql`coalesce(${campaigns.publishedAt}, now())`, rejectionReason: null }
        : input.move === "reject"
          ? { status: target, rejectionReason: input.reason ?? null }
          : { status: target, takedownReason: input.reason ?? null };
    await tx.update(campaigns).set({ ...set, updatedAt: sql`now()` }).where(eq(campaigns.id, current.id));
    await recordAudit(
      {
        actorUserId: input.actorUserId,
        action: `campaign.${input.move === "approve" ? "approved" : input.move === "reject" ? "rejected" : "taken_down"}`,
        groupId: current.groupId,
        campaignId: current.id,
        detail: { from: current.status, to: target, ...(input.move === "takedown" ? { reasonCode: input.reason } : {}) },
      },
      tx,
    );
    return { conflict: false as const, ...current };
  });
  if (!moved) return fail("not_found");
  if (moved.conflict) return fail("conflict");
  // The public page and the live list change now (404 for a taken-down campaign).
  forgetCampaign({ id: moved.id, slug: moved.slug });
  return ok({ status: target });
}

/** Campaign titles by id, for reports that group by campaign. */
export async function campaignTitles(ids: string[]): Promise<Map<string, { title: string; slug: string }>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: campaigns.id, title: campaigns.title, slug: campaigns.slug }).from(campaigns).where(inArray(campaigns.id, ids));
  return new Map(rows.map((r) => [r.id, { title: r.title, slug: r.slug }]));
}

