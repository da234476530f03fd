// Signs a person in through the real flow, as they would: the sign-in page, the email
// (read from the Resend stand-in the shared e2e app sends to, or from /dev/mailbox for an
// app in mail-capture mode), then the code typed on the page or the emailed link's button.
//
//   await signIn(page, "organizer@example.org");                  // by code, English
//   await signIn(page, email, { via: "link", locale: "es" });
//   await signIn(page, email, { mail: "mailbox", origin: app.url }); // a capture-mode app
//   await signIn(page, email, { next: "/dashboard/groups/cut-ties" });
//
// The page gets a client address of its own (X-Forwarded-For, which the e2e apps trust
// from loopback), so sign-ins across the suite do not share one per-address rate limit.
import type { Page } from "@playwright/test";
import { baseUrl, expect, Mailbox, newClientIp } from "./fixtures";

export type SignInOptions = {
  /** Type the code from the email (default) or open the emailed link and press its button. */
  via?: "code" | "link";
  locale?: "en" | "es";
  /** Where the email is read: the Resend stand-in (default) or the app's /dev/mailbox. */
  mail?: "standin" | "mailbox";
  /** The app's origin (default: the shared e2e app). */
  origin?: string;
  /** The client address the page claims; null leaves the page's headers alone. */
  ip?: string | null;
  /** Where to go once signed in (a path without the language prefix). A page already on
   *  the sign-in page (sent there by the guard) keeps its own `next`. */
  next?: string;
};

export type SignInEmail = { subject: string; text: string; code: string; link: string };

export const SIGN_IN_COPY = {
  en: { email: "Email", send: "Email me a sign-in code", sent: "Check your email", code: "Code from the email", submit: "Sign in" },
  es: { email: "Correo electrónico", send: "Enviarme un código", sent: "Revisa tu correo", code: "Código del correo", submit: "Entrar" },
} as const;

const LINK = /https?:\/\/[^\s"<>]+\/sign-in\/link\/[A-Za-z0-9_-]+/;

function parse(subject: string, text: string): SignInEmail | null {
  const code = subject.match(/(\d{6})$/)?.[1];
  const link = text.match(LINK)?.[0];
  return code && link ? { subject, text, code, link } : null;
}

/** The sign-in emails to `email` so far, oldest first. */
export async function signInEmails(email: string, options: Pick<SignInOptions, "mail" | "origin"> = {}): Promise<SignInEmail[]> {
  if (options.mail === "mailbox") {
    // Node's fetch, not the page: the mailbox opens only to this machine, through no proxy.
    const html = await (await fetch(`${options.origin ?? baseUrl()}/dev/mailbox`)).text();
    const decode = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
    return html
      .split("<li")
      .slice(1)
      .filter((item) => decode(item).includes(`to ${email.toLowerCase()} `))
      .map((item) => parse(decode(item.match(/<h2[^>]*>([\s\S]*?)<\/h2>/)?.[1] ?? ""), decode(item)))
      .filter((e): e is SignInEmail => e !== null)
      .reverse();
  }
  const sent = await new Mailbox().sentTo(email);
  return sent
    .sort((a, b) => a.receivedAt - b.receivedAt)
    .map((e) => parse(e.subject, e.text ?? ""))
    .filter((e): e is SignInEmail => e !== null);
}

/** Asks for a sign-in email on the sign-in page and returns it once it has arrived. */
export async function requestSignInEmail(page: Page, email: string, options: SignInOptions = {}): Promise<SignInEmail> {
  const locale = options.locale ?? "en";
  const copy = SIGN_IN_COPY[locale];
  const origin = options.origin ?? baseUrl();
  if (options.ip !== null) await page.setExtraHTTPHeaders({ "X-Forwarded-For": options.ip ?? newClientIp() });
  const before = (await signInEmails(email, options)).length;
  const current = page.url();
  if (/\/sign-in\?next=/.test(current) && current.startsWith(origin)) {
    await page.goto(current);
  } else {
    await page.goto(`${origin}${locale === "es" ? "/es" : ""}/sign-in${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`);
  }
  await page.getByLabel(copy.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: copy.send }).click();
  await expect(page.getByRole("heading", { name: copy.sent })).toBeVisible();
  let emails: SignInEmail[] = [];
  await expect
    .poll(async () => (emails = await signInEmails(email, options)).length, {
      message: `waiting for a sign-in email to ${email}`,
      timeout: 30_000,
      intervals: [250, 250, 500],
    })
    .toBeGreaterThan(before);
  return emails[emails.length - 1];
}

/** Signs `email` in on `page`; resolves once the browser has left the sign-in pages. */
export async function signIn(page: Page, email: string, options: SignInOptions = {}): Promise<SignInEmail> {
  const copy = SIGN_IN_COPY[options.locale ?? "en"];
  const mail = await requestSignInEmail(page, email, options);
  if (options.via === "link") {
    await page.goto(mail.link);
  } else {
    await page.getByLabel(copy.code).fill(mail.code);
  }
  await page.getByRole("button", { name: copy.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.includes("/sign-in"));
  return mail;
}
