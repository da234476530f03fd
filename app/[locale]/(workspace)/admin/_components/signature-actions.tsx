"use client";
// The buttons on one found signature. Each is its own small form (works without
// JavaScript); deleting asks first when JavaScript runs.
import { useActionState } from "react";
import type { Messages } from "@/lib/i18n";
import { signatureAction } from "@/lib/moderation/actions";
import type { SignatureAction } from "@/lib/moderation/schemas";
import { errorText, idle } from "./form-state";
import { secondaryButtonClass } from "./styles";

type T = Messages["moderation"];

function ActionButton({ t, signatureId, action, label }: { t: T; signatureId: string; action: SignatureAction; label: string }) {
  const [state, submit, pending] = useActionState(signatureAction, idle);
  return (
    <form
      action={submit}
      onSubmit={(e) => {
        if (action === "delete" && !window.confirm(t.signatureActions.deleteConfirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="signatureId" value={signatureId} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={`${secondaryButtonClass} text-sm`} disabled={pending}>{label}</button>
      {state.status === "error" && <p role="alert" className="text-sm font-medium text-danger">{errorText(t, state.code)}</p>}
    </form>
  );
}

export function SignatureActions({ t, signatureId, status, subscribed }: { t: T; signatureId: string; status: string; subscribed: boolean }) {
  const a = t.signatureActions;
  return (
    <div role="group" aria-label={t.search.actionsLabel} className="flex flex-wrap gap-1">
      {(status === "pending" || status === "validated") && <ActionButton t={t} signatureId={signatureId} action="invalidate" label={a.invalidate} />}
      {status !== "validated" && <ActionButton t={t} signatureId={signatureId} action="validate" label={a.validate} />}
      {subscribed && <ActionButton t={t} signatureId={signatureId} action="unsubscribe" label={a.unsubscribe} />}
      <ActionButton t={t} signatureId={signatureId} action="delete" label={a.delete} />
    </div>
  );
}
