// The fold table is written out by hand (see db/name-fold.ts): each entry must be the
// letter's canonical decomposition without its marks, and the app's fold of a search
// must agree with what translate() does to a stored name.
import { describe, expect, it } from "vitest";
import { FOLD_FROM, FOLD_TO, foldName } from "./name-fold";

const undecomposed: Record<string, string> = { Ł: "L", ł: "l", Ø: "O", ø: "o", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i" };

describe("the name fold", () => {
  it("maps each accented letter to its base letter, one for one", () => {
    const from = Array.from(FOLD_FROM);
    expect(from).toHaveLength(FOLD_TO.length);
    expect(new Set(from).size).toBe(from.length);
    from.forEach((ch, i) => {
      const base = undecomposed[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "");
      expect(`${ch}→${FOLD_TO[i]}`).toBe(`${ch}→${base}`);
      expect(FOLD_TO[i]).toMatch(/^[A-Za-z]$/);
    });
  });

  it("folds a search as the index folds a name: accents, case and decomposed marks aside", () => {
    expect(foldName("Pérez")).toBe("perez");
    expect(foldName("PÉREZ")).toBe("perez");
    expect(foldName("José Núñez")).toBe("jose nunez");
    expect(foldName("Pe\u0301rez")).toBe("perez");
    expect(foldName("Łukasz Nguyễn Șerban")).toBe("lukasz nguyen serban");
    // Letters outside the table stay as they are, on both sides.
    expect(foldName("Straße Андрей")).toBe("straße андрей");
  });
});
