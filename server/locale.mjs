// The visitor's language for the server's own pages, the way proxy.ts picks it for
// the app's: the /es prefix, else the remembered choice, else Accept-Language.
const LOCALES = ["en", "es"];

/** The preferred supported language of an Accept-Language header (lib/i18n uses it too). */
export function fromAcceptLanguage(header) {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find(({ lang }) => LOCALES.includes(lang))?.lang ?? "en";
}

/** "en" or "es" for a Node request. */
export function requestLocale(req) {
  const first = (req.url ?? "/").split(/[/?#]/)[1];
  if (LOCALES.includes(first)) return first;
  const cookie = /(?:^|;\s*)lang=(en|es)(?:;|$)/.exec(req.headers.cookie ?? "")?.[1];
  return cookie ?? fromAcceptLanguage(req.headers["accept-language"]);
}
