import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import "../globals.css";
import { localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { appUrl } from "@/lib/env";
import { MailCaptureNotice } from "@/components/mail-capture-notice";

// Every page reads the database and carries a per-request CSP nonce.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4c1d95" };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return {
    metadataBase: new URL(appUrl),
    title: { default: t.meta.siteName, template: `%s · ${t.meta.siteName}` },
    description: t.meta.tagline,
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale, t } = await localeParam(params);
  const other = locale === "en" ? "es" : "en";
  // The same page in the other language, through the switch that remembers the choice
  // (proxy.ts): opening a page in a language never does.
  const barePath = (await headers()).get("x-bare-path") ?? "/";
  const otherHref = `/lang/${other}?to=${encodeURIComponent(barePath)}`;
  return (
    <html lang={locale}>
      <body className="min-h-screen flex flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2"
        >
          {t.nav.skip}
        </a>
        <MailCaptureNotice t={t} />
        <header className="border-b border-line">
          <nav
            aria-label={t.meta.siteName}
            className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
          >
            <Link prefetch={false} href={localePath(locale, "/")} className="inline-flex min-h-11 items-center text-lg font-bold tracking-tight text-accent">
              {t.meta.siteName}
            </Link>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <Link prefetch={false} href={localePath(locale, "/")} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">
                {t.nav.home}
              </Link>
              <Link prefetch={false} href={localePath(locale, "/companies")} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">
                {t.facts.nav}
              </Link>
              <a
                href={otherHref}
                hrefLang={other}
                lang={other}
                className="inline-flex min-h-11 items-center rounded border border-line px-3 font-medium hover:bg-accent-soft"
              >
                {t.nav.otherLanguage}
              </a>
            </div>
          </nav>
        </header>
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="mt-16 border-t border-line bg-zinc-50">
          <div className="mx-auto max-w-5xl space-y-2 px-4 py-8 text-sm text-muted">
            <p>{t.footer.about}</p>
            <p>
              {t.footer.privacy}{" "}
              <Link prefetch={false} href={localePath(locale, "/privacy")} className="inline-flex min-h-6 items-center py-1 underline">
                {t.privacy.link}
              </Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
