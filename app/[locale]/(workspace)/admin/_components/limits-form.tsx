"use client";
// The limits and the allow/block lists, in one form (e-petitions' "Edit rate limits").
import { useActionState } from "react";
import type { Messages } from "@/lib/i18n";
import { fillPlaceholders as format } from "@/lib/i18n/locales";
import { updateLimitsAction } from "@/lib/moderation/actions";
import { Field, FormMessage, idle } from "./form-state";
import { buttonClass } from "./styles";

type T = Messages["moderation"];
const limitFields = ["perIp", "perIpBurst", "perIpSustained", "perEmail"] as const;
const listFields = [
  ["allowedIps", "ipHint"], ["blockedIps", "ipHint"], ["allowedDomains", "domainHint"], ["blockedDomains", "domainHint"], ["blockedEmails", "emailHint"],
] as const;

export function LimitsForm({ t, values, defaults }: { t: T; values: Record<string, string>; defaults: Record<string, string> }) {
  const [state, action, pending] = useActionState(updateLimitsAction, idle);
  const l = t.limits;
  return (
    <form action={action} className="max-w-3xl space-y-6">
      <FormMessage t={t} state={state} done={l.saved} />
      <fieldset className="space-y-3 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{l.limitsHeading}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {limitFields.map((name) => (
            <Field key={name} t={t} state={state} name={name} label={l[name]} hint={format(l.limitHint, { default: defaults[name] })}
              defaultValue={values[name]} inputMode="numeric" autoComplete="off" placeholder={defaults[name]} />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{l.listsHeading}</legend>
        <p className="text-sm text-muted">{l.listHint}</p>
        {listFields.map(([name, hint]) => (
          <Field key={name} t={t} state={state} name={name} label={l[name]} hint={l[hint]} defaultValue={values[name]} multiline rows={4} spellCheck={false} autoComplete="off" />
        ))}
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>{l.save}</button>
    </form>
  );
}
