"use client";
import { useActionState } from "react";
import { TextField } from "@/components/text-field";
import { idleForm } from "@/components/workspace/form-state";
import type { FormState } from "@/lib/auth/guard";
import { createGroupAction } from "@/lib/groups/actions";
import type { Locale, Messages } from "@/lib/i18n";
import { FieldErrorText, FormAlert, valueOf } from "@/components/workspace/form-bits";

type T = Pick<Messages["workspace"], "dashboard" | "errors" | "fields">;

export function CreateGroupForm({ locale, t }: { locale: Locale; t: T }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createGroupAction, idleForm);
  const error = state.status === "error" ? state : undefined;
  const errs = (field: string) => FieldErrorText(t, error?.fieldErrors[field]);
  const kind = valueOf(error, "kind") || "organization";
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <FormAlert t={t} state={state} />
      <TextField name="name" label={t.dashboard.name} required maxLength={100} defaultValue={valueOf(error, "name")} errors={errs("name")} />
      <fieldset>
        <legend className="font-medium">{t.dashboard.kind}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {(["organization", "campus"] as const).map((k) => (
            <label key={k} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="kind" value={k} defaultChecked={kind === k} className="size-5" />
              {t.dashboard.kinds[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        name="postalAddress"
        label={t.dashboard.postalAddress}
        hint={t.dashboard.postalAddressHint}
        multiline
        rows={3}
        required
        maxLength={300}
        className="py-2"
        defaultValue={valueOf(error, "postalAddress")}
        errors={errs("postalAddress")}
      />
      <TextField
        name="contactEmail"
        label={t.dashboard.contactEmail}
        hint={t.dashboard.contactEmailHint}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={valueOf(error, "contactEmail")}
        errors={errs("contactEmail")}
      />
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto">
        {pending ? t.dashboard.creating : t.dashboard.create}
      </button>
    </form>
  );
}
