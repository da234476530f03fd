"use client";
// The sign form. One column, labels above inputs, large tap targets. Without
// JavaScript it posts to the same server action and the page re-renders with the
// result; with it, no reload.
import { useActionState, useEffect, useRef } from "react";
import { signAction, type SignFormState, type SignFormValues } from "@/lib/signatures/actions";
import type { Messages } from "@/lib/i18n";
import { fillPlaceholders, localePath, type Locale } from "@/lib/i18n/locales";
import { TextField } from "@/components/text-field";

type FormCopy = Pick<Messages, "form" | "errors" | "fields">;

/** "…try again in 9 minutes": the wait the server gave, rounded up, in the person's language. */
function retryMessage(t: FormCopy, locale: Locale, seconds: number): string {
  const when = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  const text = seconds < 90 ? when.format(Math.ceil(seconds), "second") : when.format(Math.ceil(seconds / 60), "minute");
  return fillPlaceholders(t.form.rateLimitedFor, { when: text });
}

/**
 * Focus `target`, and keep it there when the page was loaded at "…#sign" (a post without
 * JavaScript): once the document is parsed the browser moves focus to the fragment, in the
 * next frame, which takes it off a field focused earlier by hydration. Take it back after
 * that frame, unless the person has moved on.
 */
function focusPastTheFragment(target: HTMLElement): () => void {
  target.focus();
  let frame = 0;
  const takeBack = () => {
    frame = requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) target.focus();
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", takeBack, { once: true });
  else takeBack();
  return () => {
    document.removeEventListener("DOMContentLoaded", takeBack);
    cancelAnimationFrame(frame);
  };
}

export function SignForm({
  campaignSlug,
  kind,
  locale,
  t,
  referralCode,
  shareHref,
}: {
  campaignSlug: string;
  kind: "petition" | "pledge";
  locale: Locale;
  t: FormCopy;
  referralCode?: string;
  /** Where the page's share panel is, offered while the person waits for the email. */
  shareHref?: string;
}) {
  // Without JavaScript the browser posts to the permalink: its #sign brings the
  // person back to the form and its answer instead of the top of the page.
  const permalink = `${localePath(locale, `/campaigns/${campaignSlug}`)}${referralCode ? `?ref=${referralCode}` : ""}#sign`;
  const [state, formAction, pending] = useActionState<SignFormState, FormData>(signAction, { status: "idle" }, permalink);
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // After an answer, take the person (and their screen reader) to it: the
  // confirmation box, or the first field that needs fixing.
  useEffect(() => {
    let target: HTMLElement | null | undefined;
    if (state.status === "accepted") target = statusRef.current;
    if (state.status === "error") {
      target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]');
    }
    if (target) return focusPastTheFragment(target);
  }, [state]);

  if (state.status === "accepted") {
    const sent = state.values;
    return (
      <div className="space-y-4">
        <div ref={statusRef} tabIndex={-1} role="status" className="scroll-mt-4 rounded-lg border border-success bg-success-soft p-4">
          <h2 className="text-xl font-semibold text-success">{t.form.checkEmailTitle}</h2>
          <p className="mt-2">
            {fillPlaceholders(t.form.sentTo, { email: "\u0000" })
              .split("\u0000")
              .flatMap((part, i) => (i === 0 ? [part] : [<strong key={i} className="break-all">{sent.email}</strong>, part]))}
          </p>
          <p className="mt-2">{t.form.checkSpam}</p>
          {shareHref && (
          <p className="mt-2">
            <a href={shareHref} className="inline-block py-1 font-medium text-accent underline">
              {t.form.shareWhileWaiting.replace(/:\s*$/, "")}
            </a>
          </p>
          )}
        </div>
        {/* A <details>: the corrected form opens without JavaScript too. */}
        <details className="rounded-lg border border-line p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-accent underline">{t.form.wrongAddress}</summary>
          <p className="mb-3 mt-1">{t.form.fixIntro}</p>
          {renderForm(sent, {})}
        </details>
      </div>
    );
  }

  return renderForm(state.status === "error" ? state.values : undefined, state.status === "error" ? state.fieldErrors : {});

  function renderForm(values: SignFormValues | undefined, errors: Record<string, string[]>) {
  const fieldMessage = (field: string) =>
    errors[field]?.map((key) => (t.fields as Record<string, string>)[key] ?? t.errors.invalid);
  // Open the optional fields when they hold something or something there needs fixing.
  const openOptional = Boolean(values?.postalCode || values?.comment || values?.wantsUpdates || errors.postalCode || errors.comment);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4" aria-labelledby="sign-heading">
      <h2 id="sign-heading" className="text-xl font-semibold">
        {kind === "pledge" ? t.form.pledgeHeading : t.form.heading}
      </h2>
      {state.status === "error" && (
        <div role="alert" tabIndex={-1} className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
          {state.code === "rate_limited" && state.retryAfter ? retryMessage(t, locale, state.retryAfter) : t.errors[state.code]}
        </div>
      )}
      <input type="hidden" name="campaign" value={campaignSlug} />
      <input type="hidden" name="locale" value={locale} />
      {referralCode && <input type="hidden" name="ref" value={referralCode} />}

      <TextField
        name="fullName"
        label={t.form.fullName}
        type="text"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={values?.fullName}
        errors={fieldMessage("fullName")}
      />
      <TextField
        name="email"
        label={t.form.email}
        hint={t.form.emailHint}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={values?.email}
        errors={fieldMessage("email")}
      />

      <div className="flex items-start gap-3">
        <input
          id="showName"
          name="showName"
          type="checkbox"
          defaultChecked={values?.showName ?? false}
          className="mt-0.5 size-6 shrink-0 accent-accent"
        />
        <label htmlFor="showName">{t.form.showName}</label>
      </div>

      {/* Optional fields folded behind one line: the Sign button stays in sight. */}
      <details open={openOptional} className="group">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent underline">{t.form.optionalFields}</summary>
        <div className="mt-2 space-y-4">
          <TextField
            name="postalCode"
            label={t.form.postalCode}
            hint={t.form.postalCodeHint}
            type="text"
            autoComplete="postal-code"
            maxLength={12}
            defaultValue={values?.postalCode}
            errors={fieldMessage("postalCode")}
            className="max-w-48"
          />
          <TextField
            name="comment"
            label={t.form.comment}
            hint={t.form.commentHint}
            multiline
            rows={3}
            maxLength={500}
            defaultValue={values?.comment}
            errors={fieldMessage("comment")}
            className="py-2"
          />
          <div className="flex items-start gap-3">
            <input
              id="wantsUpdates"
              name="wantsUpdates"
              type="checkbox"
              defaultChecked={values?.wantsUpdates ?? false}
              aria-describedby="updates-consent"
              className="mt-0.5 size-6 shrink-0 accent-accent"
            />
            <div>
              <label htmlFor="wantsUpdates">{t.form.wantsUpdates}</label>
              <p id="updates-consent" className="mt-1 text-sm">
                {t.form.updatesConsent}
              </p>
            </div>
          </div>
        </div>
      </details>

      {/* Honeypot: hidden from people and assistive technology, filled by simple bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t.form.honeypot}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button
        type="submit"
        disabled={pending}
        // The light campaign page (no React) shows the same while its plain POST is sent.
        data-submitting={t.form.submitting}
        className="min-h-12 w-full rounded bg-accent px-6 text-lg font-semibold text-white hover:bg-accent-hover disabled:opacity-70"
      >
        {pending ? t.form.submitting : kind === "pledge" ? t.form.pledgeSubmit : t.form.submit}
      </button>
      <p>{t.form.privacy}</p>
    </form>
  );
  }
}
