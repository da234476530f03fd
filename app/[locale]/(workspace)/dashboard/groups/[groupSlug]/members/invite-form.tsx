"use client";
import { useActionState } from "react";
import { TextField } from "@/components/text-field";
import { FieldErrorText, FormAlert, valueOf } from "@/components/workspace/form-bits";
import { idleForm } from "@/components/workspace/form-state";
import type { FormState } from "@/lib/auth/guard";
import { inviteMemberAction } from "@/lib/groups/actions";
import type { Locale, Messages } from "@/lib/i18n";

type T = Pick<Messages["workspace"], "members" | "roles" | "errors" | "fields">;

export function InviteForm({ locale, groupId, t }: { locale: Locale; groupId: string; t: T }) {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteMemberAction, idleForm);
  const error = state.status === "error" ? state : undefined;
  const role = valueOf(error, "role") || "organizer";
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="groupId" value={groupId} />
      <FormAlert t={t} state={state} extra={t.members.problems} />
      <TextField
        name="email"
        label={t.members.email}
        type="email"
        inputMode="email"
        autoComplete="off"
        required
        maxLength={254}
        defaultValue={valueOf(error, "email")}
        errors={FieldErrorText(t, error?.fieldErrors.email)}
      />
      <div>
        <label htmlFor="invite-role" className="block font-medium">{t.members.role}</label>
        <select id="invite-role" name="role" defaultValue={role} className="mt-1 block min-h-11 rounded border border-zinc-400 bg-white px-2">
          {(["organizer", "member", "owner"] as const).map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
        </select>
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto">
        {pending ? t.members.inviting : t.members.invite}
      </button>
    </form>
  );
}
