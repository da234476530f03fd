"use client";
// One workspace form on an update (a test send, send now, schedule, pause, cancel…):
// a server action through the guard, its outcome said beside the button. Works without
// JavaScript; with it, the button says it is busy.
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n";

export function ActionForm<T>({
  action, hidden, label, t, okMessage, danger, children,
}: {
  action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>;
  hidden: Record<string, string>;
  label: string;
  t: { updates: Messages["updates"]; errors: Messages["errors"] };
  /** Said once the action succeeded without leaving the page; `{email}` is filled in. */
  okMessage?: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, { status: "idle" });
  const formErrors = state.status === "error" ? [...(state.fieldErrors._form ?? []), ...(state.fieldErrors.scheduledAt ?? [])] : [];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`min-h-11 rounded px-4 font-semibold disabled:opacity-70 ${danger ? "border border-danger text-danger hover:bg-red-50" : "bg-accent text-white hover:bg-accent-hover"}`}
      >
        {label}
      </button>
      <p role="status" className="basis-full text-sm">
        {state.status === "ok" && okMessage ? okMessage.replace("{email}", (state.data as { sentTo?: string } | null)?.sentTo ?? "") : null}
        {state.status === "error" && (
          <span className="font-medium text-danger">
            {formErrors.length > 0
              ? formErrors.map((key) => t.updates.errors[key as keyof Messages["updates"]["errors"]] ?? t.errors.invalid).join(" ")
              : t.errors[state.code]}
          </span>
        )}
      </p>
    </form>
  );
}
