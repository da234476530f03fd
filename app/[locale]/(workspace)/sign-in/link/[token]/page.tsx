import type { Metadata } from "next";
import Link from "next/link";
import { signInWithLinkAction } from "@/lib/auth/actions";
import { signInPath } from "@/lib/auth/paths";
import { peekSignInLink } from "@/lib/auth/sign-in";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.signIn.linkTitle, referrer: "no-referrer" };
}

// The emailed link lands here. Opening the page spends nothing and signs no one in (mail
// scanners open every link, and follow redirects): the button below does, with a POST.
export default async function SignInLinkPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await localeParam(params);
  const { token } = await params;
  const s = t.workspace.signIn;
  const request = await peekSignInLink(token);
  if (!request) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">{s.linkInvalidTitle}</h1>
        <p className="mt-3 text-lg">{s.linkInvalid}</p>
        <Link href={signInPath(locale)} className="mt-6 inline-flex min-h-11 items-center font-semibold text-accent underline">
          {s.askAgain}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{s.linkTitle}</h1>
      <p className="mt-3 break-words text-lg">{format(s.linkAs, { email: request.email }, locale)}</p>
      <form action={signInWithLinkAction} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover sm:w-auto">
          {s.linkButton}
        </button>
      </form>
      <p className="mt-4 text-sm text-muted">{s.linkWhy}</p>
    </div>
  );
}
