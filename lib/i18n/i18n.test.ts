import { describe, expect, it } from "vitest";
import en from "./messages/en";
import es from "./messages/es";
import { format, localeFromAcceptLanguage, localePath } from "./index";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("i18n", () => {
  it("has every English message in Spanish, none left empty or untranslated", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    const value = (o: object, k: string) => k.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o);
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
});
