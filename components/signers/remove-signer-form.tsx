"use client";
// The confirmation before a signer is removed at their request. A server action through
// the guard (campaignAction "signers.remove"); works without JavaScript.
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/guard";
import { removeSignerAction } from "@/lib/signers/actions";

export function RemoveSignerForm({
  campaignId, signatureId, back, cancelHref, labels,
}: {
  campaignId: string;
  signatureId: string;
  back: string;
  cancelHref: string;
  labels: { confirm: string; cancel: string; notFound: string; error: string };
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeSignerAction, { status: "idle" });
  return (
    <form action={action} className="mt-4 flex flex-wrap items-center gap-3">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="signatureId" value={signatureId} />
      <input type="hidden" name="back" value={back} />
      {state.status === "error" && (
        <p role="alert" className="w-full font-medium text-danger">{state.code === "not_found" ? labels.notFound : labels.error}</p>
      )}
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-danger px-5 font-semibold text-white disabled:opacity-70">
        {labels.confirm}
      </button>
      <a href={cancelHref} className="inline-flex min-h-11 items-center px-2 underline">{labels.cancel}</a>
    </form>
  );
}
