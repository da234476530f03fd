import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "./messages/en";
import es from "./messages/es";
import { format, localeFromAcceptLanguage, localePath, type Locale } from "./index";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function value(o: object, k: string): unknown {
  return k.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o);
}

const catalogues = { en, es } as const;

describe("i18n", () => {
  it("has every English message in Spanish, none left empty or untranslated", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    expect(keys(es).filter((k) => typeof value(es, k) !== "string" || !(value(es, k) as string).length)).toEqual([]);
    // Names stay as they are; every other Spanish message differs from the English one. ("No" is "No" in both.)
    const sameInBoth = keys(es).filter((k) => value(es, k) === value(en, k));
    expect(sameInBoth.sort()).toEqual(["meta.siteName", "share.facebook", "share.whatsapp", "share.x", "signers.table.no"]);
  });

  it("guesses the language from Accept-Language by preference", () => {
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,es;q=0.9")).toBe("es");
    expect(localeFromAcceptLanguage("fr")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("prefixes Spanish paths only", () => {
    expect(localePath("en", "/campaigns/x")).toBe("/campaigns/x");
    expect(localePath("es", "/campaigns/x")).toBe("/es/campaigns/x");
    expect(localePath("es", "/")).toBe("/es");
  });

  it("fills placeholders", () => {
    expect(format("{count} of {goal}", { count: 5, goal: "100" })).toBe("5 of 100");
    expect(format("{missing} here", {})).toBe("{missing} here");
  });

  it("chooses plurals by language", () => {
    const m = "{count, plural, one {# signature} other {# signatures}}";
    expect(format(m, { count: 1 })).toBe("1 signature");
    expect(format(m, { count: 1200 })).toBe("1,200 signatures");
    expect(format("{count, plural, one {# firma} other {# firmas}}", { count: 1 }, "es")).toBe("1 firma");
  });

  for (const locale of ["en", "es"] as const) {
    it(`parses every ${locale} message as ICU`, () => {
      const broken: string[] = [];
      for (const k of keys(catalogues[locale])) {
        const message = value(catalogues[locale], k) as string;
        // The parser reads a stray "}" as text: count the braces too.
        let depth = 0;
        for (const c of message.replace(/'[{}]'/g, "")) if ((depth += c === "{" ? 1 : c === "}" ? -1 : 0) < 0) break;
        if (depth !== 0) broken.push(`${k}: unbalanced braces`);
        try {
          new IntlMessageFormat(message, locale);
        } catch (e) {
          broken.push(`${k}: ${(e as Error).message}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it("says 1 signature, 1 firma, 1 pledge, 1 compromiso", () => {
    const count = (locale: Locale, kind: string, n: number) => format(catalogues[locale].progress.count, { count: n, kind }, locale);
    expect(count("en", "petition", 1)).toBe("1 signature");
    expect(count("en", "petition", 0)).toBe("0 signatures");
    expect(count("en", "petition", 1200)).toBe("1,200 signatures");
    expect(count("en", "pledge", 1)).toBe("1 pledge");
    expect(count("en", "pledge", 2)).toBe("2 pledges");
    expect(count("es", "petition", 1)).toBe("1 firma");
    expect(count("es", "petition", 3)).toBe("3 firmas");
    expect(count("es", "pledge", 1)).toBe("1 compromiso");
    expect(count("es", "pledge", 5)).toBe("5 compromisos");
    expect(format(en.progress.noun, { count: 1, kind: "petition" }, "en")).toBe("signature");
    expect(format(es.progress.noun, { count: 2, kind: "pledge" }, "es")).toBe("compromisos");
    expect(format(en.progress.label, { count: 1, goal: 100, kind: "pledge" }, "en")).toBe("1 of 100 pledges");
    expect(format(es.progress.toGo, { remaining: 1, goal: 500 }, "es")).toBe("Falta 1 para llegar a 500.");
    expect(format(en.privacy.deleted, { count: 1 }, "en")).toMatch(/^We deleted 1 signature made/);
    expect(format(es.privacy.deleted, { count: 1 }, "es")).toMatch(/^Borramos 1 firma hecha/);
    expect(format(es.emails.confirmation.counts, { days: 7 }, "es")).toContain("7 días");
  });

  it("says pledge after signing a pledge, and a petition's words stay as they were", () => {
    const say = (locale: Locale, message: string, kind: string, values: Record<string, string | number> = {}) =>
      format(message, { kind, ...values }, locale);
    expect(say("en", en.confirm.button, "petition")).toBe("Confirm my signature");
    expect(say("en", en.confirm.button, "pledge")).toBe("Confirm my pledge");
    expect(say("es", es.confirm.button, "petition")).toBe("Confirmar mi firma");
    expect(say("es", es.confirm.button, "pledge")).toBe("Confirmar mi compromiso");
    expect(say("en", en.confirm.confirmedTitle, "petition")).toBe("Thank you, your signature counts");
    expect(say("en", en.confirm.confirmedTitle, "pledge")).toBe("Thank you, your pledge counts");
    expect(say("es", es.confirm.confirmed, "pledge", { title: "X" })).toBe("Tu compromiso con «X» quedó confirmado.");
    expect(say("es", es.confirm.confirmed, "petition", { title: "X" })).toBe("Tu firma en «X» quedó confirmada.");
    expect(say("en", en.share.message, "pledge", { title: "X" })).toBe("I pledged: X. Add your name:");
    expect(say("en", en.share.message, "petition", { title: "X" })).toBe("I signed: X. Add your name:");
    // The sign form fills {email} itself: formatting the kind leaves it in place.
    expect(say("en", en.form.sentTo, "pledge")).toBe(
      "We sent a link to {email}. Opening it and pressing the button is the last step: your pledge counts once you confirm.",
    );
    for (const locale of ["en", "es"] as const) {
      const t = catalogues[locale];
      // The sign form's errors are the shared table's, word for word, on a petition.
      for (const code of Object.keys(t.signErrors) as (keyof typeof t.signErrors)[]) {
        expect(say(locale, t.signErrors[code], "petition")).toBe(t.errors[code]);
      }
      // No supporter-facing message after signing a pledge says signature or firma.
      const after = [
        ...Object.values(t.confirm),
        t.form.checkEmail, t.form.sentTo, t.form.fixIntro, t.form.rateLimitedFor,
        ...Object.values(t.signErrors), t.share.message, t.share.personalHint,
        ...Object.values(t.emails.confirmation), ...Object.values(t.emails.alreadySigned), t.emails.footer.why,
      ].map((m) => say(locale, m, "pledge", { title: "X", name: "N", date: "D", deadline: "L", hours: 2, days: 7, n: 1, goal: 10 }));
      expect(after.filter((m) => /signature|\bfirmas?\b|petition|petición/i.test(m))).toEqual([]);
    }
  });

  it("writes Spanish one way: « » quotes, and “toca”, not “pulsa”", () => {
    const spanish = keys(es).map((k) => value(es, k) as string);
    expect(spanish.filter((m) => /[“”"]/.test(m))).toEqual([]);
    expect(spanish.filter((m) => /\b(pulsa|pulsar|presiona|presionar)\b/i.test(m))).toEqual([]);
  });
});
