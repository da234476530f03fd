"use client";
// Two steps on one page: the address, then the code from the email. Both are plain forms
// (they work without JavaScript); the second keeps the address in a hidden field.
import { useActionState } from "react";
import { TextField } from "@/components/text-field";
import { requestSignInAction, signInWithCodeAction, type SignInState } from "@/lib/auth/actions";
import type { Messages } from "@/lib/i18n";
import { fillPlaceholders, type Locale } from "@/lib/i18n/locales";

type T = { signIn: Messages["workspace"]["signIn"]; errors: Messages["workspace"]["errors"]; fields: Messages["workspace"]["fields"] };

const buttonClass =
  "min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto";

function fieldMessages(t: T, keys: string[] | undefined): string[] | undefined {
  return keys?.map((k) => (k in t.fields ? t.fields[k as keyof T["fields"]] : t.errors.invalid));
}

export function SignInForm({ locale, next, t }: { locale: Locale; next: string | null; t: T }) {
  const [requested, request, requesting] = useActionState<SignInState, FormData>(requestSignInAction, { status: "idle" });
  const [verified, verify, verifying] = useActionState<SignInState, FormData>(signInWithCodeAction, { status: "idle" });
  const codeError = verified.status === "error" && verified.step === "code" ? verified : undefined;
  const email = requested.status === "sent" ? requested.email : codeError?.email;

  if (email) {
    const alert = codeError && codeError.code !== "invalid" ? t.errors[codeError.code] : undefined;
    return (
      <div className="mt-6 space-y-4">
        <h2 className="text-xl font-semibold">{t.signIn.sentTitle}</h2>
        <p role="status">{fillPlaceholders(t.signIn.sent, { email })}</p>
        <form action={verify} noValidate className="space-y-4">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="email" value={email} />
          {alert && (
            <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
              {alert}
            </p>
          )}
          <TextField
            name="code"
            label={t.signIn.code}
            hint={t.signIn.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={12}
            required
            className="max-w-48 text-2xl tracking-widest"
            errors={fieldMessages(t, codeError?.fieldErrors.code)}
          />
          <button type="submit" disabled={verifying} className={buttonClass}>
            {verifying ? t.signIn.verifying : t.signIn.verify}
          </button>
        </form>
        <form action={request}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="email" value={email} />
          {next && <input type="hidden" name="next" value={next} />}
          <button type="submit" disabled={requesting} className="min-h-11 font-medium text-accent underline">
            {t.signIn.resend}
          </button>
        </form>
        <a href="" className="inline-flex min-h-11 items-center font-medium text-accent underline">
          {t.signIn.otherAddress}
        </a>
      </div>
    );
  }

  const error = requested.status === "error" ? requested : verified.status === "error" ? verified : undefined;
  return (
    <form action={request} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      {error && error.code !== "invalid" && (
        <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm font-medium text-danger">
          {t.errors[error.code]}
        </p>
      )}
      <TextField
        name="email"
        label={t.signIn.email}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={error?.email}
        errors={fieldMessages(t, error?.fieldErrors.email)}
      />
      <button type="submit" disabled={requesting} className={buttonClass}>
        {requesting ? t.signIn.sending : t.signIn.send}
      </button>
    </form>
  );
}
