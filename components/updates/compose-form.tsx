"use client";
// Writing an update: subject and Markdown message in English and Spanish, and an
// optional audience filter. Saving leads to the update's page (preview, test, send).
// What was typed comes back with the errors.
import { useActionState } from "react";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/lib/auth/guard";
import type { Locale, Messages } from "@/lib/i18n";

type Values = { subject: string; subjectEs: string; body: string; bodyEs: string; referredBy: string };

export function ComposeForm<T>({
  action, locale, campaignId, updateId, initial, t,
}: {
  action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>;
  locale: Locale;
  campaignId: string;
  updateId?: string;
  initial?: Values;
  t: { updates: Messages["updates"]; errors: Messages["errors"] };
}) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, { status: "idle" });
  const typed = state.status === "error" ? state.values : undefined;
  const value = (name: keyof Values) => (typeof typed?.[name] === "string" ? (typed[name] as string) : initial?.[name] ?? "");
  const errors = (name: string) =>
    state.status === "error" ? state.fieldErrors[name]?.map((k) => t.updates.errors[k as keyof Messages["updates"]["errors"]] ?? t.errors.invalid) : undefined;
  const c = t.updates.compose;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="updateId" value={updateId ?? ""} />
      <input type="hidden" name="locale" value={locale} />
      {state.status === "error" && !Object.keys(state.fieldErrors).some((k) => k !== "_form") && (
        <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
          {state.fieldErrors._form?.map((k) => t.updates.errors[k as keyof Messages["updates"]["errors"]]).join(" ") || t.errors[state.code]}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {([["en", "subject", "body", c.english], ["es", "subjectEs", "bodyEs", c.spanish]] as const).map(([lang, subject, body, heading]) => (
          <fieldset key={lang} lang={lang} className="space-y-4 rounded border border-line p-4">
            <legend className="px-1 font-semibold">{heading}</legend>
            <TextField name={subject} label={c.subject} defaultValue={value(subject)} maxLength={150} required errors={errors(subject)} />
            <TextField name={body} label={c.body} hint={c.bodyHint} multiline rows={10} defaultValue={value(body)} maxLength={20000} required errors={errors(body)} />
          </fieldset>
        ))}
      </div>
      <TextField name="referredBy" label={c.referral} hint={c.referralHint} defaultValue={value("referredBy")} maxLength={40} autoComplete="off" errors={errors("referredBy")} />
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto">
        {c.save}
      </button>
    </form>
  );
}
