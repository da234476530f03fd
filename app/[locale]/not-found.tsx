import Link from "next/link";
import { headers } from "next/headers";
import { isLocale, localePath, messages } from "@/lib/i18n";

export default async function NotFound() {
  // not-found receives no params: the proxy tells the language.
  const header = (await headers()).get("x-locale");
  const locale = isLocale(header) ? header : "en";
  const t = messages(locale);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t.notFound.title}</h1>
      <p className="mt-2">{t.notFound.body}</p>
      <Link href={localePath(locale, "/")} className="mt-4 inline-block font-medium text-accent underline">
        {t.nav.home}
      </Link>
    </div>
  );
}
