"use client";
import { useActionState } from "react";
import { syncAction, type SyncOutcome } from "@/lib/facts/actions";
import type { FormState } from "@/lib/auth/guard";
import { format, type Locale, type Messages } from "@/lib/i18n";

export function SyncForm({
  locale,
  companies,
  t,
}: {
  locale: Locale;
  companies: { slug: string; name: string }[];
  t: { sync: Messages["facts"]["sync"]; errors: Messages["errors"] };
}) {
  const [state, action, pending] = useActionState<FormState<SyncOutcome>, FormData>(syncAction, { status: "idle" });
  const outcome = state.status === "ok" ? state.data : null;
  const typed = state.status === "error" ? String(state.values.company ?? "all") : "all";
  return (
    <form action={action} className="space-y-3">
      <label className="block">
        <span className="block font-medium">{t.sync.company}</span>
        <select name="company" defaultValue={typed} className="mt-1 block min-h-12 w-full rounded border border-line bg-white px-3 sm:w-80">
          <option value="all">{t.sync.all}</option>
          {companies.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded border border-accent px-6 font-semibold text-accent hover:bg-surface-muted disabled:opacity-70 sm:w-auto">
        {t.sync.submit}
      </button>
      <div aria-live="polite">
        {state.status === "error" && (
          <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
            {t.errors[state.code]}
          </p>
        )}
        {outcome && (
          <p role={outcome.kind === "failed" ? "alert" : "status"} className="rounded border border-line p-3 text-sm break-words">
            {outcome.kind === "queued" && t.sync.queued}
            {outcome.kind === "one" && format(t.sync.finished, { created: outcome.created, updated: outcome.updated }, locale)}
            {outcome.kind === "all" && format(t.sync.finishedAll, { ok: outcome.ok, failed: outcome.failed }, locale)}
            {outcome.kind === "failed" && format(t.sync.failed, { message: outcome.message }, locale)}
          </p>
        )}
      </div>
    </form>
  );
}
