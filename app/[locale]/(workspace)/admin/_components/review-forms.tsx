"use client";
// Approve, reject (with a reason), take down (with a reason code) and restore (with a
// note): plain forms that post a server action, so they work without JavaScript.
import { useActionState } from "react";
import { moveCampaignAction } from "@/lib/moderation/actions";
import type { Messages } from "@/lib/i18n";
import { fillPlaceholders as format } from "@/lib/i18n/locales";
import { takedownReasons } from "@/lib/moderation/transitions";
import { buttonClass, inputClass, secondaryButtonClass } from "./styles";
import { Field, fieldErrors, FormMessage, idle } from "./form-state";

type T = Messages["moderation"];

export function ApproveForm({ t, campaignId }: { t: T; campaignId: string }) {
  const [state, action, pending] = useActionState(moveCampaignAction, idle);
  return (
    <form action={action} className="space-y-2 rounded border border-line p-4">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="move" value="approve" />
      <p className="text-sm text-muted">{t.review.approveHint}</p>
      <button type="submit" className={buttonClass} disabled={pending}>{t.review.approve}</button>
      <FormMessage t={t} state={state} done={format(t.review.moved, { status: t.status.live })} />
    </form>
  );
}

export function RejectForm({ t, campaignId }: { t: T; campaignId: string }) {
  const [state, action, pending] = useActionState(moveCampaignAction, idle);
  return (
    <form action={action} className="space-y-2 rounded border border-line p-4">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="move" value="reject" />
      <Field t={t} state={state} name="reason" label={t.review.rejectReason} multiline required maxLength={2000} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.review.reject}</button>
      <FormMessage t={t} state={state} done={format(t.review.moved, { status: t.status.rejected })} />
    </form>
  );
}

export function TakedownForm({ t, campaignId }: { t: T; campaignId: string }) {
  const [state, action, pending] = useActionState(moveCampaignAction, idle);
  const errors = fieldErrors(t, state, "reason");
  return (
    <form action={action} className="space-y-2 rounded border border-danger p-4">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="move" value="takedown" />
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
      <button type="submit" className={`${buttonClass} bg-danger hover:bg-red-800`} disabled={pending}>{t.review.takedown}</button>
      <FormMessage t={t} state={state} done={format(t.review.moved, { status: t.status.taken_down })} />
    </form>
  );
}

export function RestoreForm({ t, campaignId }: { t: T; campaignId: string }) {
  const [state, action, pending] = useActionState(moveCampaignAction, idle);
  return (
    <form action={action} className="space-y-2 rounded border border-line p-4">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="move" value="restore" />
      <p className="text-sm text-muted">{t.review.restoreHint}</p>
      <Field t={t} state={state} name="reason" label={t.review.restoreReason} multiline required maxLength={500} />
      <button type="submit" className={buttonClass} disabled={pending}>{t.review.restore}</button>
      <FormMessage t={t} state={state} done={t.review.restored} />
    </form>
  );
}
