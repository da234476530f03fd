"use client";
import { useActionState } from "react";
import { requestDeletionAction, type DeletionRequestState } from "@/lib/privacy/actions";
import type { Locale, Messages } from "@/lib/i18n";
import { TextField } from "@/components/text-field";

export function DeletionRequestForm({
  locale,
  t,
}: {
  locale: Locale;
  t: Pick<Messages, "privacy" | "form" | "errors" | "fields">;
}) {
  const [state, action, pending] = useActionState<DeletionRequestState, FormData>(requestDeletionAction, { status: "idle" });
  if (state.status === "sent") {
    return (
      <p role="status" className="mt-6 rounded-lg border border-success bg-success-soft p-4">
        {t.privacy.deleteSent}
      </p>
    );
  }
  const error = state.status === "error" ? state : undefined;
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      {error && error.code !== "invalid" && (
        <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
          {t.errors[error.code]}
        </p>
      )}
      <TextField
        name="email"
        label={t.form.email}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={error?.email}
        errors={error?.code === "invalid" ? [t.fields.emailInvalid] : undefined}
      />
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto"
      >
        {pending ? t.form.submitting : t.privacy.deleteSubmit}
      </button>
    </form>
  );
}
