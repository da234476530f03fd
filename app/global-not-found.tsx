import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { Notice } from "@/components/notice";
import { isLocale, localeFromAcceptLanguage, localePath, messages, type Locale } from "@/lib/i18n";
import LocaleLayout, { viewport as layoutViewport } from "./[locale]/layout";

// The 404 for every address no route matches (/nope, /es/a/b/c, /dev/x). Next.js serves
// it in place of the route, outside every layout, so it renders the site's own layout
// itself, with the page's language and, through the proxy's CSP header, its nonce.
// (A `notFound()` inside a page is app/[locale]/not-found.tsx.)
export const dynamic = "force-dynamic";
export const viewport: Viewport = layoutViewport;

/** The proxy's choice (URL prefix, then the `lang` cookie, then Accept-Language); the
 * same order for the few addresses the proxy does not see (those with a file extension). */
async function visitorLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const chosen = requestHeaders.get("x-locale");
  if (isLocale(chosen)) return chosen;
  const cookie = (await cookies()).get("lang")?.value;
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(requestHeaders.get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  const t = messages(await visitorLocale());
  return { title: `${t.notFound.title} · ${t.meta.siteName}`, description: t.notFound.body };
}

export default async function GlobalNotFound() {
  const locale = await visitorLocale();
  const t = messages(locale);
  return (
    <LocaleLayout params={Promise.resolve({ locale })}>
      <Notice title={t.notFound.title} body={t.notFound.body} linkHref={localePath(locale, "/")} linkLabel={t.nav.home} />
    </LocaleLayout>
  );
}
