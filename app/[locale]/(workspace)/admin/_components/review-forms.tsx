"use client";
// Approve, reject (with a reason), take down (with a reason code) and restore (with a
// note): plain forms that post a server action, so they work without JavaScript.
import { useActionState, type ReactNode } from "react";
import { moveCampaignAction } from "@/lib/moderation/actions";
import type { Messages } from "@/lib/i18n";
import { fillPlaceholders as format } from "@/lib/i18n/locales";
import { takedownReasons, type ModerationMove } from "@/lib/moderation/transitions";
import { buttonClass, inputClass, secondaryButtonClass } from "./styles";
import type { FormState } from "@/lib/auth/guard";
import { Field, fieldErrors, FormMessage, idle } from "./form-state";

type T = Messages["moderation"];

/** One moderation move's form: the campaign, the move, what it asks for, its button and its answer. */
function MoveForm({
  t, campaignId, move, danger, submit, submitClass, done, children,
}: {
  t: T;
  campaignId: string;
  move: ModerationMove;
  danger?: boolean;
  submit: string;
  submitClass: string;
  done: string;
  children: (state: FormState<unknown>) => ReactNode;
}) {
  const [state, action, pending] = useActionState(moveCampaignAction, idle);
  return (
    <form action={action} className={`space-y-2 rounded border p-4 ${danger ? "border-danger" : "border-line"}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="move" value={move} />
      {children(state)}
      <button type="submit" className={submitClass} disabled={pending}>{submit}</button>
      <FormMessage t={t} state={state} done={done} />
    </form>
  );
}

export function ApproveForm({ t, campaignId }: { t: T; campaignId: string }) {
  return (
    <MoveForm t={t} campaignId={campaignId} move="approve" submit={t.review.approve} submitClass={buttonClass}
      done={format(t.review.moved, { status: t.status.live })}>
      {() => <p className="text-sm text-muted">{t.review.approveHint}</p>}
    </MoveForm>
  );
}

export function RejectForm({ t, campaignId }: { t: T; campaignId: string }) {
  return (
    <MoveForm t={t} campaignId={campaignId} move="reject" submit={t.review.reject} submitClass={secondaryButtonClass}
      done={format(t.review.moved, { status: t.status.rejected })}>
      {(state) => <Field t={t} state={state} name="reason" label={t.review.rejectReason} multiline required maxLength={2000} />}
    </MoveForm>
  );
}

export function TakedownForm({ t, campaignId }: { t: T; campaignId: string }) {
  return (
    <MoveForm t={t} campaignId={campaignId} move="takedown" danger submit={t.review.takedown}
      submitClass={`${buttonClass} bg-danger hover:bg-red-800`} done={format(t.review.moved, { status: t.status.taken_down })}>
      {(state) => {
        const errors = fieldErrors(t, state, "reason");
        return (
          <>
            <p className="text-sm text-muted">{t.review.takedownHint}</p>
            <div>
              <label htmlFor="takedown-reason" className="block font-medium">{t.review.takedownReason}</label>
              <select id="takedown-reason" name="reason" required className={inputClass} aria-invalid={Boolean(errors)} defaultValue="">
                <option value="" disabled>—</option>
                {takedownReasons.map((r) => (
                  <option key={r} value={r}>{t.takedownReasons[r]}</option>
                ))}
              </select>
              {errors && <p className="mt-1 text-sm font-medium text-danger">{errors.join(" ")}</p>}
            </div>
          </>
        );
      }}
    </MoveForm>
  );
}

export function RestoreForm({ t, campaignId }: { t: T; campaignId: string }) {
  return (
    <MoveForm t={t} campaignId={campaignId} move="restore" submit={t.review.restore} submitClass={buttonClass} done={t.review.restored}>
      {(state) => (
        <>
          <p className="text-sm text-muted">{t.review.restoreHint}</p>
          <Field t={t} state={state} name="reason" label={t.review.restoreReason} multiline required maxLength={500} />
        </>
      )}
    </MoveForm>
  );
}
