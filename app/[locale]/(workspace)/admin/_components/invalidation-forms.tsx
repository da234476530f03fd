"use client";
// A new invalidation (saved as a draft with its matching count), and the buttons on
// one: start, cancel, delete. Plain forms posting server actions.
import { useActionState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { createInvalidationAction, invalidationAction } from "@/lib/moderation/actions";
import { Field, fieldErrors, FormMessage, idle, typed } from "./form-state";
import { buttonClass, inputClass, secondaryButtonClass } from "./styles";

type T = Messages["moderation"];

export function NewInvalidationForm({
  t, locale, campaigns, initial,
}: {
  t: T; locale: Locale; campaigns: { id: string; title: string }[]; initial: Record<string, string>;
}) {
  const [state, action, pending] = useActionState(createInvalidationAction, idle);
  const i = t.invalidations;
  const campaignErrors = fieldErrors(t, state, "campaignId");
  return (
    <form action={action} className="max-w-2xl space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <FormMessage t={t} state={state} />
      <Field t={t} state={state} name="reason" label={i.reason} hint={i.reasonHint} required maxLength={500} defaultValue={initial.reason} />
      <fieldset className="space-y-3 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{i.conditions}</legend>
        <p className="text-sm text-muted">{i.conditionsHint}</p>
        <div>
          <label htmlFor="campaignId" className="block font-medium">{i.campaign}</label>
          <select id="campaignId" name="campaignId" className={inputClass} defaultValue={typed(state, "campaignId", initial.campaignId ?? "")} aria-invalid={Boolean(campaignErrors)}>
            <option value="">{i.anyCampaign}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </div>
        <Field t={t} state={state} name="ip" label={i.ip} defaultValue={initial.ip} autoComplete="off" spellCheck={false} />
        <Field t={t} state={state} name="domain" label={i.domain} defaultValue={initial.domain} autoComplete="off" spellCheck={false} />
        <Field t={t} state={state} name="email" label={i.email} type="email" defaultValue={initial.email} autoComplete="off" />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field t={t} state={state} name="createdAfter" label={i.createdAfter} type="datetime-local" defaultValue={initial.createdAfter} />
          <Field t={t} state={state} name="createdBefore" label={i.createdBefore} type="datetime-local" defaultValue={initial.createdBefore} />
        </div>
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>{i.save}</button>
    </form>
  );
}

function OpButton({ t, locale, id, op, label, danger }: { t: T; locale: Locale; id: string; op: "start" | "cancel" | "delete"; label: string; danger?: boolean }) {
  const [state, action, pending] = useActionState(invalidationAction, idle);
  const i = t.invalidations;
  const done = op === "start" ? i.started : op === "cancel" ? i.cancelled : undefined;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="invalidationId" value={id} />
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={danger ? `${buttonClass} bg-danger hover:bg-red-800` : secondaryButtonClass} disabled={pending}>
        {label}
      </button>
      <FormMessage t={t} state={state} done={done} />
    </form>
  );
}

export function InvalidationControls({ t, locale, id, status, matched }: { t: T; locale: Locale; id: string; status: string; matched: number }) {
  const i = t.invalidations;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {status === "draft" && matched > 0 && <OpButton t={t} locale={locale} id={id} op="start" label={i.start} danger />}
      {(status === "draft" || status === "running") && <OpButton t={t} locale={locale} id={id} op="cancel" label={i.cancel} />}
      {status === "draft" && <OpButton t={t} locale={locale} id={id} op="delete" label={i.delete} />}
    </div>
  );
}
