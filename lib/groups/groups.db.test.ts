import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, emailOutbox, groupInvites, groupMembers, groups } from "@/db/schema";
import { createMember } from "@/test/workspace-fixtures";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const signedInAs = (token: string) => jar.set("authjs.session-token", token);

const { acceptInvite, changeRole, createGroup, inviteMember, removeMember, revokeInvite } = await import("./mutations");
const { inviteToken } = await import("./invite-tokens");
const { listAudit, listMembers, listMyGroups } = await import("./queries");
const { removeMemberAction, inviteMemberAction } = await import("./actions");
const { idle } = await import("@/lib/auth/guard");

beforeEach(() => jar.clear());

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function redirectOf(run: Promise<unknown>): Promise<string | null> {
  try {
    await run;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describe("groups", () => {
  it("makes the creator owner, keeps slugs unique and audits it", async () => {
    const { user } = await createMember();
    const input = { name: "Students Against ICE Tech", kind: "campus" as const, postalAddress: "1 Campus Way\nTown", contactEmail: "sa@example.org" };
    const first = await createGroup(input, user.id);
    const second = await createGroup(input, user.id);
    expect(first).toMatchObject({ ok: true, data: { slug: "students-against-ice-tech" } });
    expect(second.ok && second.data.slug).toMatch(/^students-against-ice-tech-[0-9a-f]{6}$/);
    const mine = await listMyGroups(user.id);
    expect(mine.filter((g) => g.name === input.name).map((g) => g.role)).toEqual(["owner", "owner"]);
    const db = await getDb();
    const audit = await db.select().from(auditLog).where(eq(auditLog.groupId, first.ok ? first.data.id : ""));
    expect(audit.map((a) => a.action)).toEqual(["group.created"]);
  });
});

describe("the last owner", () => {
  it("cannot be removed or demoted; with a second owner, can", async () => {
    const owner = await createMember({ role: "owner" });
    const organizer = await createMember({ role: "organizer", groupId: owner.groupId });
    expect(await removeMember(owner.groupId, owner.user.id, owner.user.id)).toMatchObject({ ok: false, code: "conflict", fieldErrors: { _form: ["lastOwner"] } });
    expect(await changeRole(owner.groupId, owner.user.id, "member", owner.user.id)).toMatchObject({ ok: false, fieldErrors: { _form: ["lastOwner"] } });
    expect(await changeRole(owner.groupId, organizer.user.id, "owner", owner.user.id)).toMatchObject({ ok: true });
    expect(await changeRole(owner.groupId, owner.user.id, "member", owner.user.id)).toMatchObject({ ok: true });
    expect(await removeMember(owner.groupId, organizer.user.id, owner.user.id)).toMatchObject({ ok: false, fieldErrors: { _form: ["lastOwner"] } });
    expect(await removeMember(owner.groupId, owner.user.id, organizer.user.id)).toMatchObject({ ok: true });
    const { members } = await listMembers(owner.groupId);
    expect(members.map((m) => [m.userId, m.role])).toEqual([[organizer.user.id, "owner"]]);
  });

  it("survives two owners removing each other at the same time", async () => {
    const a = await createMember({ role: "owner" });
    const b = await createMember({ role: "owner", groupId: a.groupId });
    const results = await Promise.all([removeMember(a.groupId, b.user.id, a.user.id), removeMember(a.groupId, a.user.id, b.user.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const db = await getDb();
    const owners = await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, a.groupId), eq(groupMembers.role, "owner")));
    expect(owners).toHaveLength(1);
  });
});

describe("invites", () => {
  it("mails a link that only the invited address can accept, once", async () => {
    const owner = await createMember();
    const invited = `Invited.${Date.now()}@Example.org`;
    const result = await inviteMember({ groupId: owner.groupId, email: invited, role: "organizer", locale: "es" }, owner.user.id);
    expect(result.ok).toBe(true);
    const inviteId = result.ok ? result.data.inviteId : "";
    const db = await getDb();
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, invited.toLowerCase()));
    expect(mail).toMatchObject({ kind: "group_invite", locale: "es", data: { inviteId, role: "organizer" } });
    const { compose } = await import("@/lib/email/compose");
    const row = { ...mail, to_address: mail.toAddress, signature_id: null, batch_key: "k", full_name: null, slug: null, title: null, title_es: null };
    const rendered = await compose(row as never);
    expect(rendered.subject).toMatch(/^Te invitan a Group [0-9a-f]+ en Cut Ties$/);
    expect(rendered.text).toContain(`/es/dashboard/invites/${inviteToken(inviteId)}`);
    expect(rendered.text).toContain("como organizador(a)");

    const stranger = await createMember();
    expect(await acceptInvite(inviteToken(inviteId), stranger.user)).toMatchObject({ ok: false, code: "forbidden" });
    const person = await createMember({ email: invited.toLowerCase() });
    expect(await acceptInvite("x".repeat(43), person.user)).toMatchObject({ ok: false, code: "not_found" });
    const [group] = await db.select().from(groups).where(eq(groups.id, owner.groupId));
    expect(await acceptInvite(inviteToken(inviteId), person.user)).toEqual({ ok: true, data: { groupSlug: group.slug } });
    expect(await acceptInvite(inviteToken(inviteId), person.user)).toMatchObject({ ok: false, code: "not_found" });
    const { members, invites } = await listMembers(owner.groupId);
    expect(members.find((m) => m.userId === person.user.id)?.role).toBe("organizer");
    expect(invites).toHaveLength(0);
    // Already a member: no second invite.
    expect(await inviteMember({ groupId: owner.groupId, email: invited, role: "member", locale: "en" }, owner.user.id)).toMatchObject({ ok: false, code: "conflict" });
    const { rows } = await listAudit(owner.groupId);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["member.invited", "member.joined"]));
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain("@");
  });

  it("expires, and a renewed invite replaces the old link; a revoked one is gone", async () => {
    const owner = await createMember();
    const email = `renewed.${Date.now()}@example.org`;
    const first = await inviteMember({ groupId: owner.groupId, email, role: "member", locale: "en" }, owner.user.id);
    const second = await inviteMember({ groupId: owner.groupId, email, role: "organizer", locale: "en" }, owner.user.id);
    const person = await createMember({ email });
    expect(await acceptInvite(inviteToken(first.ok ? first.data.inviteId : ""), person.user)).toMatchObject({ ok: false, code: "not_found" });
    const secondId = second.ok ? second.data.inviteId : "";
    const db = await getDb();
    await db.update(groupInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(groupInvites.id, secondId));
    expect(await acceptInvite(inviteToken(secondId), person.user)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeInvite(owner.groupId, secondId, owner.user.id)).toMatchObject({ ok: true });
    expect((await listMembers(owner.groupId)).invites).toHaveLength(0);
  });
});

describe("the audit log", () => {
  it("pages newest first, shows members' sign-ins, and nothing of other groups", async () => {
    const owner = await createMember();
    const other = await createMember();
    const { recordAudit } = await import("@/lib/audit");
    for (let i = 0; i < 55; i++) await recordAudit({ actorUserId: owner.user.id, action: "test.entry", groupId: owner.groupId, detail: { i } });
    await recordAudit({ actorUserId: owner.user.id, action: "user.signed_in", detail: { method: "code" } });
    await recordAudit({ actorUserId: other.user.id, action: "user.signed_in", detail: { method: "link" } });
    await recordAudit({ actorUserId: other.user.id, action: "test.entry", groupId: other.groupId });
    const first = await listAudit(owner.groupId);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({ action: "user.signed_in", actorEmail: owner.user.email });
    expect(first.rows[1].detail).toEqual({ i: 54 });
    const second = await listAudit(owner.groupId, first.older!);
    expect(second.rows.map((r) => r.detail.i)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(second.older).toBeNull();
    expect([...first.rows, ...second.rows].some((r) => r.actorEmail === other.user.email)).toBe(false);
  });
});

describe("the member actions go through the guard", () => {
  it("answer another group's ids as if they did not exist, and change nothing", async () => {
    const mine = await createMember();
    const theirs = await createMember();
    signedInAs(mine.sessionToken);
    const to = await redirectOf(removeMemberAction(form({ groupId: theirs.groupId, userId: theirs.user.id, locale: "en" })));
    expect(to).toBe("/dashboard");
    expect((await listMembers(theirs.groupId)).members).toHaveLength(1);
    const state = await inviteMemberAction(idle, form({ groupId: theirs.groupId, email: "x@example.org", role: "owner", locale: "en" }));
    expect(state).toMatchObject({ status: "error", code: "not_found", values: { email: "x@example.org" } });
  });

  it("let an organizer (not an owner) manage no one", async () => {
    const owner = await createMember();
    const organizer = await createMember({ role: "organizer", groupId: owner.groupId });
    signedInAs(organizer.sessionToken);
    await redirectOf(removeMemberAction(form({ groupId: owner.groupId, userId: owner.user.id, locale: "en" })));
    expect((await listMembers(owner.groupId)).members).toHaveLength(2);
  });

  it("bring the last owner back to the list with the reason", async () => {
    const owner = await createMember();
    signedInAs(owner.sessionToken);
    const to = await redirectOf(removeMemberAction(form({ groupId: owner.groupId, userId: owner.user.id, locale: "es" })));
    expect(to).toMatch(/^\/es\/dashboard\/groups\/[^/]+\/members\?error=lastOwner$/);
  });
});
