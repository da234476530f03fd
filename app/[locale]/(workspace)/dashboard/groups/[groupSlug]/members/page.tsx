import type { Metadata } from "next";
import { GroupNav } from "@/components/workspace/group-nav";
import { requireGroup } from "@/lib/auth/guard";
import { roleCan } from "@/lib/auth/permissions";
import { changeRoleAction, removeMemberAction, revokeInviteAction } from "@/lib/groups/actions";
import { listMembers } from "@/lib/groups/queries";
import { roles } from "@/lib/groups/schemas";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { InviteForm } from "./invite-form";

type Params = Promise<{ locale: string; groupSlug: string }>;
type Search = Promise<{ done?: string; error?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.members.title };
}

const smallButton = "min-h-11 rounded border border-line bg-white px-3 font-medium hover:bg-accent-soft";

export default async function MembersPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, t } = await localeParam(params);
  const { group, user } = await requireGroup(locale, (await params).groupSlug, "group.read");
  const { members, invites } = await listMembers(group.id);
  const canManage = roleCan(group.role, "members.manage");
  const w = t.workspace;
  const m = w.members;
  const { done, error } = await searchParams;
  const doneMessage = typeof done === "string" && done in m.done ? m.done[done as keyof typeof m.done] : null;
  const errorMessage =
    typeof error !== "string" ? null : error in m.problems ? m.problems[error as keyof typeof m.problems] : error in w.errors ? w.errors[error as keyof typeof w.errors] : null;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const hidden = (extra: Record<string, string>) => (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="groupId" value={group.id} />
      {Object.entries(extra).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    </>
  );
  return (
    <div>
      <h1 className="text-3xl font-bold break-words">{group.name}</h1>
      <GroupNav locale={locale} t={w.group} groupSlug={group.slug} role={group.role} current="members" />
      <h2 className="mt-6 text-2xl font-semibold">{m.title}</h2>
      <p className="mt-1 max-w-2xl">{m.intro}</p>
      {doneMessage && <p role="status" className="mt-4 rounded border border-success bg-success-soft p-3 font-medium">{doneMessage}</p>}
      {errorMessage && <p role="alert" className="mt-4 rounded border border-danger bg-red-50 p-3 font-medium text-danger">{errorMessage}</p>}
      <ul className="mt-4 divide-y divide-line border-y border-line">
        {members.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
            <div className="min-w-[min(100%,16rem)] flex-1">
              <p className="font-medium [overflow-wrap:anywhere]">
                {member.email} {member.userId === user.id && <span className="text-muted">{m.you}</span>}
              </p>
              <p className="text-sm text-muted">
                {w.roles[member.role]} · {m.since} {dates.format(member.since)}
              </p>
            </div>
            {canManage && (
              <div className="flex flex-wrap items-center gap-2">
                <form action={changeRoleAction} className="flex items-center gap-2">
                  {hidden({ userId: member.userId })}
                  <label className="sr-only" htmlFor={`role-${member.userId}`}>
                    {format(m.changeRoleLabel, { email: member.email }, locale)}
                  </label>
                  <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="min-h-11 rounded border border-zinc-400 bg-white px-2">
                    {roles.map((r) => <option key={r} value={r}>{w.roles[r]}</option>)}
                  </select>
                  <button type="submit" className={smallButton} aria-label={`${m.save}: ${member.email}`}>
                    {m.save}
                  </button>
                </form>
                <form action={removeMemberAction}>
                  {hidden({ userId: member.userId })}
                  <button type="submit" className={`${smallButton} text-danger`} aria-label={format(m.removeLabel, { email: member.email }, locale)}>
                    {m.remove}
                  </button>
                </form>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <>
          <h2 className="mt-8 text-xl font-semibold">{m.invitesTitle}</h2>
          {invites.length === 0 ? (
            <p className="mt-2 text-muted">{m.noInvites}</p>
          ) : (
            <ul className="mt-2 divide-y divide-line border-y border-line">
              {invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                  <div className="min-w-[min(100%,16rem)] flex-1">
                    <p className="font-medium [overflow-wrap:anywhere]">{invite.email}</p>
                    <p className="text-sm text-muted">
                      {w.roles[invite.role]} · {m.invitedOn} {dates.format(invite.createdAt)} · {m.expires} {dates.format(invite.expiresAt)}
                    </p>
                  </div>
                  <form action={revokeInviteAction}>
                    {hidden({ inviteId: invite.id })}
                    <button type="submit" className={smallButton} aria-label={format(m.revokeLabel, { email: invite.email }, locale)}>
                      {m.revoke}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <section aria-labelledby="invite-title" className="mt-8 max-w-xl">
            <h2 id="invite-title" className="text-xl font-semibold">{m.inviteTitle}</h2>
            <p className="mt-1">{m.inviteHint}</p>
            <InviteForm locale={locale} groupId={group.id} t={{ members: m, roles: w.roles, errors: w.errors, fields: w.fields }} />
          </section>
        </>
      )}
    </div>
  );
}
