"use client";
import { useActionState } from "react";
import { requestDeletionAction, type DeletionRequestState } from "@/lib/privacy/actions";
import type { Locale, Messages } from "@/lib/i18n";

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
      {error && (
        <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
          {error.code === "invalid" ? t.fields.emailInvalid : t.errors[error.code]}
        </p>
      )}
      <div>
        <label htmlFor="delete-email" className="block font-medium">
          {t.form.email}
        </label>
        <input
          id="delete-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          defaultValue={error?.email}
          aria-invalid={error?.code === "invalid"}
          className="mt-1 block min-h-11 w-full rounded border border-zinc-400 px-3 text-base"
        />
      </div>
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
