import "server-only";
// Writing campaigns from the workspace: create, edit, the state changes of states.ts
// and the deadline that closes a campaign by itself. Each write and its audit entry
// land in one transaction; every organizer's write has the group in its where. After
// a change the public might see, the cached copies are dropped (forgetCampaign).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { getDb, queryRows, type DbOrTx } from "@/db/client";
import { campaigns, campaignTargets, companies, type Campaign } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type FieldErrors, type Result } from "@/lib/errors";
import { forgetCampaign } from "./queries";
import { companySlug, type CampaignInput } from "./schemas";
import { canEditField, canTransition, isEditable, nextStatus, PUBLIC_STATUSES, statusAfterEdit, type CampaignEvent, type EditableField } from "./states";

type Fields = Omit<CampaignInput, "companyIds" | "newCompany" | "similarSeen">;

const columnsOf = (input: CampaignInput): Fields & Pick<Campaign, "updatedAt"> => ({
  title: input.title, slug: input.slug, kind: input.kind, ask: input.ask, story: input.story,
  goal: input.goal, endsAt: input.endsAt, titleEs: input.titleEs, askEs: input.askEs, storyEs: input.storyEs,
  shareText: input.shareText, shareTextEs: input.shareTextEs, imageUrl: input.imageUrl, imageAlt: input.imageAlt,
  updatedAt: new Date(),
});

const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | null;
  if (e?.code === "23505" && (e.constraint_name ?? e.constraint ?? "").includes(constraint)) return true;
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
};

async function slugTaken(tx: DbOrTx, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return rows.length > 0 && rows[0].id !== exceptId;
}

/** The target companies' ids: the chosen ones, plus a new company by name (or the existing one of that slug). */
async function resolveTargets(tx: DbOrTx, input: Pick<CampaignInput, "companyIds" | "newCompany">): Promise<Result<string[]>> {
  const ids = new Set(input.companyIds);
  if (ids.size) {
    const found = await tx.select({ id: companies.id }).from(companies).where(inArray(companies.id, [...ids]));
    if (found.length !== ids.size) return fail("invalid", { companyIds: ["invalid"] });
  }
  if (input.newCompany) {
    const slug = companySlug(input.newCompany);
    if (!slug) return fail("invalid", { newCompany: ["companyName"] });
    // Only a name and a slug: the company's facts are another part's to fill in.
    await tx.insert(companies).values({ slug, name: input.newCompany }).onConflictDoNothing({ target: companies.slug });
    const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.slug, slug));
    ids.add(company.id);
  }
  return ok([...ids]);
}

async function setTargets(tx: DbOrTx, campaignId: string, companyIds: string[]) {
  await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, campaignId));
  await tx.insert(campaignTargets).values(companyIds.map((companyId) => ({ campaignId, companyId })));
}

const slugConflict = (): Result<never> => fail("conflict", { slug: ["slugTaken"] });

/** A new draft in the group. */
export async function createCampaign(params: { groupId: string; userId: string; input: CampaignInput }): Promise<Result<{ id: string }>> {
  const { groupId, userId, input } = params;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (await slugTaken(tx, input.slug)) return slugConflict();
      const targets = await resolveTargets(tx, input);
      if (!targets.ok) return targets;
      const [row] = await tx
        .insert(campaigns)
        .values({ ...columnsOf(input), groupId, createdBy: userId, status: "draft" })
        .returning({ id: campaigns.id });
      await setTargets(tx, row.id, targets.data);
      await recordAudit({ actorUserId: userId, action: "campaign.created", groupId, campaignId: row.id, detail: { slug: input.slug } }, tx);
      return ok({ id: row.id });
    });
  } catch (error) {
    // Two people taking one slug at the same moment: the unique index decides.
    if (isUniqueViolation(error, "slug")) return slugConflict();
    throw error;
  }
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : (a ?? null) === (b ?? null);

/**
 * Saves the editor's form. Before publication anything can change, and saving a
 * submitted or rejected campaign takes it back to draft. Once public, what people
 * signed (slug, kind, targets, ask) is refused if changed; the rest goes public at once.
 */
export async function updateCampaign(params: {
  campaignId: string; groupId: string; userId: string; input: CampaignInput;
}): Promise<Result<{ id: string; status: Campaign["status"] }>> {
  const { campaignId, groupId, userId, input } = params;
  const db = await getDb();
  let publicSlugs: string[] = [];
  try {
    const result = await db.transaction(async (tx): Promise<Result<{ id: string; status: Campaign["status"] }>> => {
      const [current] = await tx
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.groupId, groupId)))
        .for("update");
      if (!current) return fail("not_found");
      if (!isEditable(current.status)) return fail("conflict");
      const currentTargets = (
        await tx.select({ id: campaignTargets.companyId }).from(campaignTargets).where(eq(campaignTargets.campaignId, campaignId))
      ).map((t) => t.id);

      const values = columnsOf(input);
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
        (key) => key !== "updatedAt" && !sameValue(values[key], current[key]),
      );
      const targetsChanged =
        Boolean(input.newCompany) || input.companyIds.length !== currentTargets.length || input.companyIds.some((id) => !currentTargets.includes(id));
      const locked: FieldErrors = {};
      for (const field of changed) if (!canEditField(current.status, field as EditableField)) locked[field] = ["lockedLive"];
      if (targetsChanged && !canEditField(current.status, "targets")) locked.companyIds = ["lockedLive"];
      if (Object.keys(locked).length) return fail("invalid", locked);
      if (changed.includes("slug") && (await slugTaken(tx, input.slug, campaignId))) return slugConflict();

      const status = statusAfterEdit(current.status);
      await tx
        .update(campaigns)
        .set({ ...values, status, ...(status !== current.status ? { submittedAt: null } : {}) })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.groupId, groupId)));
      if (targetsChanged) {
        const targets = await resolveTargets(tx, input);
        if (!targets.ok) throw new TargetsRefused(targets);
        await setTargets(tx, campaignId, targets.data);
      }
      await recordAudit(
        {
          actorUserId: userId, action: "campaign.edited", groupId, campaignId,
          detail: { fields: targetsChanged ? [...changed, "targets"] : changed, ...(status !== current.status ? { from: current.status, to: status } : {}) },
        },
        tx,
      );
      if (PUBLIC_STATUSES.includes(current.status)) publicSlugs = [current.slug];
      return ok({ id: campaignId, status });
    });
    for (const slug of publicSlugs) forgetCampaign({ id: campaignId, slug });
    return result;
  } catch (error) {
    if (error instanceof TargetsRefused) return error.result;
    if (isUniqueViolation(error, "slug")) return slugConflict();
    throw error;
  }
}

// Thrown to roll back the campaign's update when its new targets turn out invalid.
class TargetsRefused extends Error {
  constructor(readonly result: Result<never>) {
    super("targets refused");
  }
}

// Audit names in the past tense, like the rest of the log ("campaign.approved").
const AUDIT_ACTION: Record<CampaignEvent, string> = {
  submit: "campaign.submitted", edit: "campaign.edited", approve: "campaign.approved", reject: "campaign.rejected",
  close: "campaign.closed", expire: "campaign.expired", win: "campaign.won", take_down: "campaign.taken_down",
  restore: "campaign.restored",
};

export type TransitionRequest = {
  campaignId: string;
  event: CampaignEvent;
  /** Who: an organizer acts within their group; an admin (moderation) on any campaign. */
  by: { actor: "organizer"; groupId: string; userId: string } | { actor: "admin"; userId: string };
  reason?: string;
  victoryNote?: string;
  victoryNoteEs?: string | null;
};

/** Moves a campaign through states.ts's table, with its audit entry; refused moves change nothing. */
export async function transitionCampaign(request: TransitionRequest): Promise<Result<{ status: Campaign["status"]; slug: string }>> {
  const { campaignId, event, by } = request;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<Result<{ status: Campaign["status"]; slug: string; from: Campaign["status"] }>> => {
    const [current] = await tx
      .select({ status: campaigns.status, slug: campaigns.slug, groupId: campaigns.groupId })
      .from(campaigns)
      .where(by.actor === "organizer" ? and(eq(campaigns.id, campaignId), eq(campaigns.groupId, by.groupId)) : eq(campaigns.id, campaignId))
      .for("update");
    if (!current) return fail("not_found");
    const to = nextStatus(current.status, event);
    if (!to || !canTransition(current.status, event, by.actor)) return fail("conflict");
    const extra: PgUpdateSetSource<typeof campaigns> = {};
    if (event === "submit") extra.submittedAt = new Date();
    if (event === "approve") {
      extra.publishedAt = sql`coalesce(${campaigns.publishedAt}, now())`;
      extra.rejectionReason = null;
    }
    if (event === "reject" || event === "take_down") {
      if (!request.reason?.trim()) return fail("invalid", { reason: ["required"] });
      extra[event === "reject" ? "rejectionReason" : "takedownReason"] = request.reason.trim();
    }
    if (event === "win") {
      if (!request.victoryNote?.trim()) return fail("invalid", { victoryNote: ["required"] });
      extra.victoryNote = request.victoryNote.trim();
      extra.victoryNoteEs = request.victoryNoteEs?.trim() || null;
    }
    await tx.update(campaigns).set({ ...extra, status: to, updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
    await recordAudit(
      { actorUserId: by.userId, action: AUDIT_ACTION[event], groupId: current.groupId, campaignId, detail: { from: current.status, to } },
      tx,
    );
    return ok({ status: to, slug: current.slug, from: current.status });
  });
  if (!result.ok) return result;
  // A state change can put the page up, take it down or change its banner: drop every copy.
  forgetCampaign({ id: campaignId, slug: result.data.slug });
  return ok({ status: result.data.status, slug: result.data.slug });
}

/**
 * Closes every live campaign whose end date has passed, as of its end date (so the
 * confirmation grace runs from the deadline, not from when this ran). Run by the
 * deadline job every minute; pages treat a passed end date as closed without it.
 */
export async function closeExpiredCampaigns(): Promise<{ id: string; slug: string }[]> {
  const db = await getDb();
  const closed = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; slug: string; group_id: string }>(
      tx,
      sql`update campaigns set status = 'closed', closed_at = ends_at, updated_at = now()
          where status = 'live' and ends_at <= now()
          returning id, slug, group_id`,
    );
    for (const row of rows) {
      await recordAudit(
        { actorUserId: null, action: AUDIT_ACTION.expire, groupId: row.group_id, campaignId: row.id, detail: { from: "live", to: "closed" } },
        tx,
      );
    }
    return rows;
  });
  for (const row of closed) forgetCampaign(row);
  return closed.map((r) => ({ id: r.id, slug: r.slug }));
}

