import "server-only";
// Changing groups and their members. Each change and its audit entry land in one
// transaction; the last-owner rule is checked with the group's owner rows locked, so two
// owners removing each other at once cannot leave a group with none.
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { groupInvites, groupMembers, groups, type GroupRole } from "@/db/schema";
import type { Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { requestEmailDelivery } from "@/lib/email/wake";
import { fail, ok, type Result } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { hitRateLimits } from "@/lib/rate-limit";
import { sha256 } from "@/lib/secrets";
import { inviteToken, INVITE_TTL_DAYS } from "./invite-tokens";
import { slugFromName } from "./schemas";

export type NewGroup = { name: string; kind: "organization" | "campus"; postalAddress: string; contactEmail: string };

/** Creates a group with its creator as owner; the slug comes from the name, made unique. */
export async function createGroup(input: NewGroup, userId: string): Promise<Result<{ id: string; slug: string }>> {
  const db = await getDb();
  const base = slugFromName(input.name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${crypto.randomUUID().slice(0, 6)}`;
    const created = await db.transaction(async (tx) => {
      const [group] = await tx.insert(groups).values({ ...input, slug }).onConflictDoNothing({ target: groups.slug }).returning({ id: groups.id });
      if (!group) return null;
      await tx.insert(groupMembers).values({ groupId: group.id, userId, role: "owner" });
      await recordAudit({ actorUserId: userId, action: "group.created", groupId: group.id, detail: { kind: input.kind } }, tx);
      return { id: group.id, slug };
    });
    if (created) return ok(created);
  }
  return fail("conflict");
}

/** Owners of the group, locked until the transaction ends. */
async function lockedOwners(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, "owner")))
    .for("update");
  return rows.map((r) => r.userId);
}

export async function removeMember(groupId: string, userId: string, actorUserId: string): Promise<Result<{ removed: true }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const owners = await lockedOwners(tx, groupId);
    if (owners.length === 1 && owners[0] === userId) return fail("conflict", { _form: ["lastOwner"] });
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      .returning({ role: groupMembers.role });
    if (removed.length === 0) return fail("not_found");
    await recordAudit({ actorUserId, action: "member.removed", groupId, detail: { userId, role: removed[0].role } }, tx);
    return ok({ removed: true as const });
  });
}

export async function changeRole(groupId: string, userId: string, role: GroupRole, actorUserId: string): Promise<Result<{ role: GroupRole }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const owners = await lockedOwners(tx, groupId);
    if (role !== "owner" && owners.length === 1 && owners[0] === userId) return fail("conflict", { _form: ["lastOwner"] });
    const [before] = await tx
      .select({ role: groupMembers.role })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
    if (!before) return fail("not_found");
    if (before.role === role) return ok({ role });
    await tx.update(groupMembers).set({ role }).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
    await recordAudit({ actorUserId, action: "member.role_changed", groupId, detail: { userId, from: before.role, to: role } }, tx);
    return ok({ role });
  });
}

// An owner may invite a room of people, not flood strangers' inboxes.
const INVITES_PER_GROUP = { max: 50, seconds: 3600 };

/**
 * Invites an address (again: a pending invite to it is renewed with the new role and a new
 * link). The email is queued in the same transaction. An address that is already a member
 * answers `conflict`.
 */
export async function inviteMember(
  input: { groupId: string; email: string; role: GroupRole; locale: Locale },
  actorUserId: string,
): Promise<Result<{ inviteId: string }>> {
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  if (!(await hitRateLimits(db, [{ key: `invite:group:${input.groupId}`, ...INVITES_PER_GROUP }]))) return fail("rate_limited");
  const result = await db.transaction(async (tx): Promise<Result<{ inviteId: string }>> => {
    const [member] = await queryRows<{ n: number }>(
      tx,
      sql`select 1 as n from group_members m join users u on u.id = m.user_id
          where m.group_id = ${input.groupId} and u.email = ${email} limit 1`,
    );
    if (member) return fail("conflict", { email: ["alreadyMember"] });
    const id = crypto.randomUUID();
    const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000);
    // A renewed invite gets a new id, so the old link stops working.
    const [invite] = await tx
      .insert(groupInvites)
      .values({ id, groupId: input.groupId, email, role: input.role, tokenHash: sha256(inviteToken(id)), invitedBy: actorUserId, expiresAt })
      .onConflictDoUpdate({
        target: [groupInvites.groupId, groupInvites.email],
        set: { id, role: input.role, tokenHash: sha256(inviteToken(id)), invitedBy: actorUserId, expiresAt, acceptedAt: null, createdAt: new Date() },
      })
      .returning({ id: groupInvites.id });
    await tx.execute(
      sql`insert into email_outbox (kind, to_address, locale, data)
          select 'group_invite', ${email}, ${input.locale},
                 jsonb_build_object('inviteId', ${invite.id}::text, 'groupName', g.name, 'role', ${input.role}::text)
          from groups g where g.id = ${input.groupId}`,
    );
    await recordAudit({ actorUserId, action: "member.invited", groupId: input.groupId, detail: { inviteId: invite.id, role: input.role } }, tx);
    return ok({ inviteId: invite.id });
  });
  if (result.ok) requestEmailDelivery();
  return result;
}

export async function revokeInvite(groupId: string, inviteId: string, actorUserId: string): Promise<Result<{ revoked: true }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(groupInvites)
      .where(and(eq(groupInvites.id, inviteId), eq(groupInvites.groupId, groupId), isNull(groupInvites.acceptedAt)))
      .returning({ id: groupInvites.id });
    if (deleted.length === 0) return fail("not_found");
    await recordAudit({ actorUserId, action: "member.invite_revoked", groupId, detail: { inviteId } }, tx);
    return ok({ revoked: true as const });
  });
}

/**
 * Accepts an invite for the signed-in user: only with the address it was sent to, once,
 * before it expires. Joining a group one already belongs to keeps the current role.
 */
export async function acceptInvite(token: string, user: { id: string; email: string }): Promise<Result<{ groupSlug: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select({ id: groupInvites.id, groupId: groupInvites.groupId, email: groupInvites.email, role: groupInvites.role, slug: groups.slug })
      .from(groupInvites)
      .innerJoin(groups, eq(groups.id, groupInvites.groupId))
      .where(and(eq(groupInvites.tokenHash, sha256(token)), isNull(groupInvites.acceptedAt), sql`${groupInvites.expiresAt} > now()`))
      .for("update", { of: groupInvites });
    if (!invite) return fail("not_found");
    if (invite.email !== user.email.toLowerCase()) return fail("forbidden");
    await tx.insert(groupMembers).values({ groupId: invite.groupId, userId: user.id, role: invite.role }).onConflictDoNothing();
    await tx.update(groupInvites).set({ acceptedAt: new Date() }).where(eq(groupInvites.id, invite.id));
    await recordAudit({ actorUserId: user.id, action: "member.joined", groupId: invite.groupId, detail: { inviteId: invite.id, role: invite.role } }, tx);
    return ok({ groupSlug: invite.slug });
  });
}
