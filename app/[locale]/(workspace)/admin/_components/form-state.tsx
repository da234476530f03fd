"use client";
// What an admin form says after a submit: the error (in the admin's language) or what
// was done; and field errors beside their inputs. Messages come from t.moderation.
import type { FormState } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n";
import { errorText, fieldText } from "./message-text";

export { errorText };

type T = Messages["moderation"];

export const idle: FormState<never> = { status: "idle" };

export function fieldErrors(t: T, state: FormState<unknown>, name: string): string[] | undefined {
  if (state.status !== "error") return undefined;
  return state.fieldErrors[name]?.map((k) => fieldText(t, k));
}

/** The value typed before an error, else the default. */
export function typed(state: FormState<unknown>, name: string, fallback = ""): string {
  if (state.status !== "error") return fallback;
  const v = state.values[name];
  return typeof v === "string" ? v : fallback;
}

export function FormMessage({ t, state, done }: { t: T; state: FormState<unknown>; done?: string }) {
  if (state.status === "ok" && done) {
    return (
      <p role="status" className="rounded border border-success bg-success-soft p-2 font-medium text-success">
        {done}
      </p>
    );
  }
  if (state.status !== "error") return <p role="status" className="sr-only" />;
  const formErrors = state.fieldErrors._form?.map((k) => fieldText(t, k)) ?? [];
  return (
    <p role="alert" className="rounded border border-danger bg-white p-2 font-medium text-danger">
      {[errorText(t, state.code), ...formErrors].join(" ")}
    </p>
  );
}

export function Field({
  t, state, name, label, hint, defaultValue, multiline, ...props
}: {
  t: T; state: FormState<unknown>; name: string; label: string; hint?: string; defaultValue?: string; multiline?: boolean;
} & React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const errors = fieldErrors(t, state, name);
  const invalid = Boolean(errors?.length);
  const describedBy = [invalid ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name, name, "aria-invalid": invalid, "aria-describedby": describedBy,
    defaultValue: typed(state, name, defaultValue ?? ""),
    className: `mt-1 block w-full rounded border border-zinc-400 bg-white px-3 text-base aria-[invalid=true]:border-danger ${multiline ? "min-h-24 py-2 font-mono text-sm" : "min-h-11"}`,
  };
  return (
    <div>
      <label htmlFor={name} className="block font-medium">{label}</label>
      {hint && <p id={`${name}-hint`} className="text-sm text-muted">{hint}</p>}
      {multiline ? <textarea {...props} {...common} /> : <input {...props} {...common} />}
      {invalid && <p id={`${name}-error`} className="mt-1 text-sm font-medium text-danger">{errors!.join(" ")}</p>}
    </div>
  );
}
