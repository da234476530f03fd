import "server-only";
// What the workspace shows about groups: the caller's groups and their campaigns, a
// group's members and invites, and its audit log. Each query takes the group's id (found
// through the caller's membership by guard.ts) and puts it in its where.
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, campaigns, groupInvites, groupMembers, groups, users, type GroupRole } from "@/db/schema";
import { confirmedCounts } from "@/lib/signatures/counts";
import { sha256 } from "@/lib/secrets";

export type CampaignRow = {
  id: string;
  title: string;
  slug: string;
  status: (typeof campaigns.$inferSelect)["status"];
  confirmedCount: number;
  goal: number | null;
  updatedAt: Date;
};

export type MyGroup = { id: string; slug: string; name: string; kind: "organization" | "campus"; role: GroupRole; campaigns: CampaignRow[] };

async function campaignsOf(groupIds: string[]): Promise<Map<string, CampaignRow[]>> {
  const byGroup = new Map<string, CampaignRow[]>();
  if (groupIds.length === 0) return byGroup;
  const db = await getDb();
  const rows = await db
    .select({
      id: campaigns.id, groupId: campaigns.groupId, title: campaigns.title, slug: campaigns.slug,
      status: campaigns.status, goal: campaigns.goal, updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .where(inArray(campaigns.groupId, groupIds))
    .orderBy(desc(campaigns.updatedAt));
  const counts = await confirmedCounts(rows.map((r) => r.id));
  for (const { groupId, ...row } of rows) {
    const list = byGroup.get(groupId) ?? [];
    list.push({ ...row, confirmedCount: counts.get(row.id) ?? 0 });
    byGroup.set(groupId, list);
  }
  return byGroup;
}

/** The caller's groups, each with its campaigns (newest change first). */
export async function listMyGroups(userId: string): Promise<MyGroup[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, kind: groups.kind, role: groupMembers.role })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, userId))
    .orderBy(groups.name);
  const byGroup = await campaignsOf(rows.map((r) => r.id));
  return rows.map((g) => ({ ...g, campaigns: byGroup.get(g.id) ?? [] }));
}

export async function listGroupCampaigns(groupId: string): Promise<CampaignRow[]> {
  return (await campaignsOf([groupId])).get(groupId) ?? [];
}

export type MemberRow = { userId: string; email: string; name: string | null; role: GroupRole; since: Date };
export type InviteRow = { id: string; email: string; role: GroupRole; createdAt: Date; expiresAt: Date };

export async function listMembers(groupId: string): Promise<{ members: MemberRow[]; invites: InviteRow[] }> {
  const db = await getDb();
  const [members, invites] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, name: users.name, role: groupMembers.role, since: groupMembers.createdAt })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(eq(groupMembers.groupId, groupId))
      .orderBy(sql`case ${groupMembers.role} when 'owner' then 0 when 'organizer' then 1 else 2 end`, users.email),
    db
      .select({ id: groupInvites.id, email: groupInvites.email, role: groupInvites.role, createdAt: groupInvites.createdAt, expiresAt: groupInvites.expiresAt })
      .from(groupInvites)
      .where(and(eq(groupInvites.groupId, groupId), isNull(groupInvites.acceptedAt)))
      .orderBy(desc(groupInvites.createdAt)),
  ]);
  return { members, invites };
}

export type InviteView = { email: string; role: GroupRole; groupName: string; expired: boolean; accepted: boolean };

/** What an invite link shows; null for a token that names no invite. */
export async function getInviteByToken(token: string): Promise<InviteView | null> {
  if (!/^[A-Za-z0-9_-]{40,50}$/.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ email: groupInvites.email, role: groupInvites.role, groupName: groups.name, expiresAt: groupInvites.expiresAt, acceptedAt: groupInvites.acceptedAt })
    .from(groupInvites)
    .innerJoin(groups, eq(groups.id, groupInvites.groupId))
    .where(eq(groupInvites.tokenHash, sha256(token)))
    .limit(1);
  if (!row) return null;
  return { email: row.email, role: row.role, groupName: row.groupName, expired: row.expiresAt <= new Date(), accepted: row.acceptedAt !== null };
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  actorEmail: string | null;
  /** The member an entry is about (detail.userId), for owners reading the log. */
  subjectEmail: string | null;
  campaignTitle: string | null;
  detail: Record<string, unknown>;
};

/**
 * One page of the group's audit log, newest first, before entry `before` (keyset paging).
 * Besides the group's own entries it shows its current members' sign-ins.
 */
export async function listAudit(groupId: string, before?: number): Promise<{ rows: AuditRow[]; older: number | null }> {
  const db = await getDb();
  const memberIds = db.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  const rows = await db
    .select({
      id: auditLog.id, at: auditLog.at, action: auditLog.action, detail: auditLog.detail,
      actorEmail: users.email, campaignTitle: campaigns.title,
      subjectEmail: sql<string | null>`(select s.email from users s where s.id::text = ${auditLog.detail}->>'userId')`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(campaigns, eq(campaigns.id, auditLog.campaignId))
    .where(
      and(
        or(
          eq(auditLog.groupId, groupId),
          and(isNull(auditLog.groupId), eq(auditLog.action, "user.signed_in"), inArray(auditLog.actorUserId, memberIds)),
        ),
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, older: more ? page[page.length - 1].id : null };
}
