// Small pieces every workspace form shares: the alert for a form-level error, field
// messages from their keys, and what the person typed, given back after an error.
import type { FormState } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n";

type T = Pick<Messages["workspace"], "errors" | "fields">;

/** Field error keys → messages (an unknown key gets the general "check the fields"). */
export function FieldErrorText(t: T, keys: string[] | undefined): string[] | undefined {
  return keys?.map((k) => (k in t.fields ? t.fields[k as keyof T["fields"]] : t.errors.invalid));
}

export function valueOf(state: FormState | undefined, field: string): string {
  if (!state || state.status !== "error") return "";
  const v = state.values[field];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function FormAlert({ t, state, extra }: { t: T; state: FormState; extra?: Record<string, string> }) {
  if (state.status !== "error") return null;
  const formKey = state.fieldErrors._form?.[0];
  const message = (formKey && extra?.[formKey]) || t.errors[state.code];
  return (
    <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
      {message}
    </p>
  );
}
