import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/guard";
import { afterSignInPath } from "@/lib/auth/paths";
import { safeNextPath } from "@/lib/auth/sign-in";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.signIn.title };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { locale, t } = await localeParam(params);
  const next = safeNextPath((await searchParams).next);
  const user = await currentUser();
  const s = t.workspace.signIn;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{s.title}</h1>
      {user ? (
        <p className="mt-4 text-lg">
          {format(s.alreadySignedIn, { email: user.email }, locale)}{" "}
          <Link href={afterSignInPath(locale, next)} className="font-semibold text-accent underline">
            {s.toDashboard}
          </Link>
        </p>
      ) : (
        <>
          <p className="mt-3 text-lg">{s.intro}</p>
          <SignInForm locale={locale} next={next} t={{ signIn: s, errors: t.workspace.errors, fields: t.workspace.fields }} />
        </>
      )}
    </div>
  );
}
