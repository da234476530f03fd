import { headers } from "next/headers";
import { Notice } from "@/components/notice";
import { isLocale, localePath, messages } from "@/lib/i18n";

export default async function NotFound() {
  // not-found receives no params: the proxy tells the language.
  const header = (await headers()).get("x-locale");
  const locale = isLocale(header) ? header : "en";
  const t = messages(locale);
  return <Notice title={t.notFound.title} body={t.notFound.body} linkHref={localePath(locale, "/")} linkLabel={t.nav.home} />;
}
