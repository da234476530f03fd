"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/workspace/form-bits";
import { idleForm } from "@/components/workspace/form-state";
import type { FormState } from "@/lib/auth/guard";
import { acceptInviteAction } from "@/lib/groups/actions";
import type { Locale, Messages } from "@/lib/i18n";

type T = Pick<Messages["workspace"], "invite" | "errors" | "fields">;

export function AcceptInviteForm({ locale, token, t }: { locale: Locale; token: string; t: T }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInviteAction, idleForm);
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <FormAlert t={t} state={state} />
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto">
        {pending ? t.invite.joining : t.invite.join}
      </button>
    </form>
  );
}
