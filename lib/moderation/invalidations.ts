import "server-only";
// Bulk invalidation (e-petitions' "invalidations"): an admin describes the signatures
// (hashed IP, mail domain, address, time window, optionally one campaign), sees how many
// match, starts it, and a pg-boss job invalidates them in batches, taking each batch's
// confirmations off the counts in the batch's own transaction, so the public counts are
// right at once. Cancelling stops it before its next batch; what is done stays done.
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type DbOrTx } from "@/db/client";
import { signatureInvalidations, type SignatureInvalidation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type Result } from "@/lib/errors";
import { forgetEveryCampaign } from "@/lib/campaigns/queries";
import { getBoss, QUEUES } from "@/lib/jobs/boss";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { countRemovals, recountSignatures } from "@/lib/signatures/counts";
import type { InvalidationInput } from "./schemas";
import { ipHashFor } from "./search";

export const INVALIDATION_BATCH = 500;

type Conditions = Pick<SignatureInvalidation, "campaignId" | "ipHash" | "emailDomain" | "emailCanonical" | "createdAfter" | "createdBefore">;

/** The signatures an invalidation would change: counted ones and pending ones, never those already out. */
function matching(c: Conditions): SQL {
  const parts: SQL[] = [sql`s.status in ('pending', 'validated')`];
  if (c.campaignId) parts.push(sql`s.campaign_id = ${c.campaignId}`);
  if (c.ipHash) parts.push(sql`s.ip_hash = ${c.ipHash}`);
  if (c.emailDomain) parts.push(sql`split_part(s.email_canonical, '@', 2) = ${c.emailDomain}`);
  if (c.emailCanonical) parts.push(sql`s.email_canonical = ${c.emailCanonical}`);
  if (c.createdAfter) parts.push(sql`s.created_at >= ${c.createdAfter.toISOString()}::timestamptz`);
  if (c.createdBefore) parts.push(sql`s.created_at < ${c.createdBefore.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export async function countMatching(c: Conditions, db?: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db ?? (await getDb()), sql`select count(*)::int as n from signatures s where ${matching(c)}`);
  return Number(row?.n ?? 0);
}

/** Saves a draft with its matching count (shown before anything starts). */
export async function createInvalidation(input: InvalidationInput, actorUserId: string): Promise<SignatureInvalidation> {
  const conditions: Conditions = {
    campaignId: input.campaignId,
    ipHash: input.ip ? ipHashFor(input.ip) : null,
    emailDomain: input.domain ? input.domain.replace(/^@/, "").toLowerCase() : null,
    emailCanonical: input.email ? canonicalEmail(input.email) : null,
    createdAfter: input.createdAfter,
    createdBefore: input.createdBefore,
  };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const matched = await countMatching(conditions, tx);
    const [row] = await tx
      .insert(signatureInvalidations)
      .values({ ...conditions, reason: input.reason, matched, createdBy: actorUserId })
      .returning();
    await recordAudit(
      { actorUserId, action: "invalidation.created", campaignId: row.campaignId, detail: { invalidationId: row.id, matched } },
      tx,
    );
    return row;
  });
}

export async function getInvalidation(id: string): Promise<SignatureInvalidation | null> {
  const db = await getDb();
  const [row] = await db.select().from(signatureInvalidations).where(eq(signatureInvalidations.id, id)).limit(1);
  return row ?? null;
}

export async function listInvalidations(limit = 50): Promise<SignatureInvalidation[]> {
  const db = await getDb();
  return db.select().from(signatureInvalidations).orderBy(desc(signatureInvalidations.createdAt)).limit(limit);
}

/** Draft → running (recounting what matches now), then a job does the work. */
export async function startInvalidation(id: string, actorUserId: string, options: { enqueue?: boolean } = {}): Promise<Result<{ matched: number }>> {
  const db = await getDb();
  const started = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(signatureInvalidations).where(eq(signatureInvalidations.id, id)).for("update").limit(1);
    if (!row) return null;
    if (row.status !== "draft") return { conflict: true as const };
    const matched = await countMatching(row, tx);
    await tx
      .update(signatureInvalidations)
      .set({ status: "running", matched, startedAt: sql`now()` })
      .where(eq(signatureInvalidations.id, id));
    await recordAudit({ actorUserId, action: "invalidation.started", campaignId: row.campaignId, detail: { invalidationId: id, matched } }, tx);
    return { conflict: false as const, matched };
  });
  if (!started) return fail("not_found");
  if (started.conflict) return fail("conflict");
  if (options.enqueue !== false) await (await getBoss()).send(QUEUES.invalidateSignatures, { invalidationId: id });
  return ok({ matched: started.matched });
}

/** Running (or not yet started) → cancelled; the job stops before its next batch. */
export async function cancelInvalidation(id: string, actorUserId: string): Promise<Result<null>> {
  return finishByAdmin(id, actorUserId, "cancel");
}

/** Removes a draft (nothing was changed by it). */
export async function deleteInvalidation(id: string, actorUserId: string): Promise<Result<null>> {
  return finishByAdmin(id, actorUserId, "delete");
}

async function finishByAdmin(id: string, actorUserId: string, op: "cancel" | "delete"): Promise<Result<null>> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(signatureInvalidations).where(eq(signatureInvalidations.id, id)).for("update").limit(1);
    if (!row) return "not_found" as const;
    if (op === "cancel" ? !["draft", "running"].includes(row.status) : row.status !== "draft") return "conflict" as const;
    if (op === "cancel") {
      await tx.update(signatureInvalidations).set({ status: "cancelled", finishedAt: sql`now()` }).where(eq(signatureInvalidations.id, id));
    } else {
      await tx.delete(signatureInvalidations).where(eq(signatureInvalidations.id, id));
    }
    await recordAudit(
      { actorUserId, action: op === "cancel" ? "invalidation.cancelled" : "invalidation.deleted", detail: { invalidationId: id, invalidated: row.invalidated } },
      tx,
    );
    return "ok" as const;
  });
  return outcome === "ok" ? ok(null) : fail(outcome);
}

/**
 * The job: batches until nothing matches or an admin cancels. Each batch locks its
 * rows (skip locked: a confirmation in flight is left to the next batch), invalidates
 * them, takes the confirmed ones off their campaigns' shards and adds to the progress,
 * all in one transaction. At the end the touched campaigns are recounted from the rows.
 */
export async function runInvalidation(
  id: string,
  options: { batchSize?: number; afterBatch?: (done: number) => Promise<void> } = {},
): Promise<SignatureInvalidation["status"] | null> {
  const batchSize = options.batchSize ?? INVALIDATION_BATCH;
  const db = await getDb();
  const touched = new Set<string>();
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const [job] = await tx.select().from(signatureInvalidations).where(eq(signatureInvalidations.id, id)).for("update").limit(1);
      if (!job || job.status !== "running") return { status: job?.status ?? null, changed: 0 };
      const changed = await queryRows<{ campaign_id: string; was: string }>(
        tx,
        sql`with picked as (select s.id, s.status, s.campaign_id from signatures s where ${matching(job)}
                            limit ${batchSize}::int for update skip locked)
            update signatures t set status = 'invalidated' from picked where t.id = picked.id
            returning picked.campaign_id, picked.status as was`,
      );
      const confirmed = new Map<string, number>();
      for (const r of changed) {
        touched.add(r.campaign_id);
        if (r.was === "validated") confirmed.set(r.campaign_id, (confirmed.get(r.campaign_id) ?? 0) + 1);
      }
      await countRemovals(tx, confirmed);
      const done = changed.length < batchSize;
      await tx
        .update(signatureInvalidations)
        .set({
          invalidated: sql`${signatureInvalidations.invalidated} + ${changed.length}`,
          ...(done ? { status: "completed" as const, finishedAt: sql`now()` } : {}),
        })
        .where(eq(signatureInvalidations.id, id));
      return { status: done ? ("completed" as const) : ("running" as const), changed: changed.length };
    });
    if (step.changed > 0) forgetEveryCampaign();
    if (step.status !== "running") {
      // The shards were adjusted batch by batch; a recount from the rows leaves no drift.
      await recountSignatures(db, [...touched]);
      return step.status;
    }
    await options.afterBatch?.(step.changed);
  }
}

/** A job that failed part way: marked failed (its batches stay done) so an admin sees it. */
export async function markInvalidationFailed(id: string): Promise<void> {
  const db = await getDb();
  await db
    .update(signatureInvalidations)
    .set({ status: "failed", finishedAt: sql`now()` })
    .where(sql`${signatureInvalidations.id} = ${id} and ${signatureInvalidations.status} = 'running'`);
}
