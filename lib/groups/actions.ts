"use server";
// Group and member actions, each built with the guard's wrappers (authenticate → zod →
// the role table → the data layer). A success redirects (post → redirect → get), so the
// page shows the change with or without JavaScript.
import { redirect } from "next/navigation";
import { z } from "zod";
import { groupAction, idle, userAction, type FormState } from "@/lib/auth/guard";
import { dashboardPath, groupPath } from "@/lib/auth/paths";
import { fail, type Result } from "@/lib/errors";
import { locales } from "@/lib/i18n";
import { acceptInvite, changeRole, createGroup, inviteMember, removeMember, revokeInvite } from "./mutations";
import { acceptInviteSchema, changeRoleSchema, createGroupSchema, inviteSchema, memberSchema, revokeInviteSchema } from "./schemas";

const withLocale = { locale: z.enum(locales).catch("en") };

function doneOrError<T>(result: Result<T>, to: string): Result<T> {
  if (result.ok) redirect(to);
  return result;
}

const createGroupWithLocale = createGroupSchema.extend(withLocale);
export async function createGroupAction(previous: FormState, form: FormData): Promise<FormState> {
  return userAction(createGroupWithLocale, async (input, { user }) => {
    const { locale, ...group } = input;
    const result = await createGroup(group, user.id);
    return result.ok ? doneOrError(result, groupPath(locale, result.data.slug)) : result;
  })(previous as FormState<never>, form);
}

const inviteWithLocale = inviteSchema.extend(withLocale);
export async function inviteMemberAction(previous: FormState, form: FormData): Promise<FormState> {
  return groupAction("members.manage", inviteWithLocale, async (input, { user, group }) => {
    const result = await inviteMember({ groupId: group.id, email: input.email, role: input.role, locale: input.locale }, user.id);
    return doneOrError(result, groupPath(input.locale, group.slug, "/members?done=invited"));
  })(previous as FormState<never>, form);
}

// The member list's small forms (remove, change role, revoke) post without JavaScript
// and come back to the list with ?done= or ?error=.
async function rowAction<T>(run: (previous: FormState<T>, form: FormData) => Promise<FormState<T>>, form: FormData, slugOf: () => string | undefined) {
  const state = await run(idle as FormState<T>, form);
  const locale = form.get("locale") === "es" ? "es" : "en";
  const slug = slugOf();
  if (!slug) redirect(dashboardPath(locale)); // signed out, or not the caller's group: nothing changed
  if (state.status === "error") {
    const reason = state.fieldErrors._form?.[0] ?? state.code;
    redirect(groupPath(locale, slug, `/members?error=${encodeURIComponent(reason)}`));
  }
}

export async function removeMemberAction(form: FormData): Promise<void> {
  let slug: string | undefined;
  await rowAction(
    groupAction("members.manage", memberSchema.extend(withLocale), async (input, { user, group }) => {
      slug = group.slug;
      return doneOrError(await removeMember(group.id, input.userId, user.id), groupPath(input.locale, group.slug, "/members?done=removed"));
    }),
    form,
    () => slug,
  );
}

export async function changeRoleAction(form: FormData): Promise<void> {
  let slug: string | undefined;
  await rowAction(
    groupAction("members.manage", changeRoleSchema.extend(withLocale), async (input, { user, group }) => {
      slug = group.slug;
      return doneOrError(await changeRole(group.id, input.userId, input.role, user.id), groupPath(input.locale, group.slug, "/members?done=role"));
    }),
    form,
    () => slug,
  );
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  let slug: string | undefined;
  await rowAction(
    groupAction("members.manage", revokeInviteSchema.extend(withLocale), async (input, { user, group }) => {
      slug = group.slug;
      return doneOrError(await revokeInvite(group.id, input.inviteId, user.id), groupPath(input.locale, group.slug, "/members?done=revoked"));
    }),
    form,
    () => slug,
  );
}

const acceptWithLocale = acceptInviteSchema.extend(withLocale);
export async function acceptInviteAction(previous: FormState, form: FormData): Promise<FormState> {
  return userAction(acceptWithLocale, async (input, { user }) => {
    const result = await acceptInvite(input.token, user);
    return result.ok ? doneOrError(result, groupPath(input.locale, result.data.groupSlug)) : fail(result.code);
  })(previous as FormState<never>, form);
}
