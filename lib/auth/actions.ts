"use server";
// The sign-in forms' actions. They come before any session, so they do not go through
// guard.ts; signing out only ends the caller's own session.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientIp } from "@/lib/client-ip";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/database-unavailable";
import { logError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { isLocale, localePath, type Locale } from "@/lib/i18n";
import { emailField } from "@/lib/signatures/schemas";
import { afterSignInPath } from "./paths";
import { endSession } from "./session";
import { requestSignIn, safeNextPath, signInWithCode, signInWithLink } from "./sign-in";

export type SignInState =
  | { status: "idle" }
  | { status: "sent"; email: string }
  | { status: "error"; step: "email" | "code"; code: ErrorCode; fieldErrors: FieldErrors; email: string };

const str = (form: FormData, key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
const localeOf = (form: FormData): Locale => (isLocale(form.get("locale")) ? (form.get("locale") as Locale) : "en");

const codeField = z
  .string()
  .max(20, "codeFormat")
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "codeFormat"));

function failure(step: "email" | "code", email: string, caught: unknown): SignInState {
  if (isDatabaseUnavailable(caught)) {
    noteDatabaseUnavailable("sign-in", caught);
    return { status: "error", step, code: "unavailable", fieldErrors: {}, email };
  }
  logError("sign-in", caught);
  return { status: "error", step, code: "unexpected", fieldErrors: {}, email };
}

/** Step one: mail a link and a code. The same answer for every address. */
export async function requestSignInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const typed = str(form, "email").slice(0, 300);
  const parsed = emailField.safeParse(typed);
  if (!parsed.success) {
    return { status: "error", step: "email", code: "invalid", fieldErrors: { email: parsed.error.issues.map((i) => i.message) }, email: typed };
  }
  try {
    const result = await requestSignIn({
      email: parsed.data,
      next: safeNextPath(str(form, "next")),
      locale: localeOf(form),
      clientIp: clientIp(await headers()),
    });
    if (!result.ok) return { status: "error", step: "email", code: result.code, fieldErrors: {}, email: typed };
    return { status: "sent", email: result.data.email };
  } catch (caught) {
    return failure("email", typed, caught);
  }
}

/** Step two: the typed code. Signs in and goes where the person was headed. */
export async function signInWithCodeAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = str(form, "email").slice(0, 300);
  const parsedEmail = emailField.safeParse(email);
  const parsedCode = codeField.safeParse(str(form, "code"));
  if (!parsedEmail.success) return { status: "error", step: "email", code: "invalid", fieldErrors: { email: ["emailInvalid"] }, email };
  if (!parsedCode.success) return { status: "error", step: "code", code: "invalid", fieldErrors: { code: ["codeFormat"] }, email };
  let next: string;
  try {
    const result = await signInWithCode({ email: parsedEmail.data, code: parsedCode.data, clientIp: clientIp(await headers()) });
    if (!result.ok) return { status: "error", step: "code", code: result.code, fieldErrors: result.fieldErrors ?? {}, email };
    next = afterSignInPath(localeOf(form), result.data.next);
  } catch (caught) {
    return failure("code", email, caught);
  }
  redirect(next);
}

/** The emailed link's button. */
export async function signInWithLinkAction(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const token = str(form, "token").slice(0, 100);
  const result = await signInWithLink(token);
  redirect(result.ok ? afterSignInPath(locale, result.data.next) : localePath(locale, `/sign-in/link/${encodeURIComponent(token)}`));
}

export async function signOutAction(form: FormData): Promise<void> {
  await endSession();
  redirect(localePath(localeOf(form), "/sign-in"));
}
