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
    const flatEs = keys(es).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es));
    expect(flatEs.every((v) => typeof v === "string" && v.length > 0)).toBe(true);
    expect(es.form.submit).not.toBe(en.form.submit);
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
  });
});
