import { describe, expect, it } from "vitest";
import { fiscalYear, formatDate, formatExactMoney, formatShortMoney } from "./format";

describe("fiscalYear", () => {
  it("starts on 1 October", () => {
    expect(fiscalYear("2017-09-30")).toBe(2017);
    expect(fiscalYear("2017-10-01")).toBe(2018);
    expect(fiscalYear("2018-05-30")).toBe(2018);
  });
});

describe("formatting money", () => {
  it("writes large figures in words, in each language", () => {
    expect(formatShortMoney(39_340_900.82, "USD", "en")).toBe("$39.3 million");
    expect(formatShortMoney(39_340_900.82, "USD", "es")).toBe("US$39.3 millones");
    expect(formatShortMoney(19_400_000, "USD", "en")).toBe("$19.4 million");
    expect(formatShortMoney(6_800_000_000, "USD", "en")).toBe("$6.8 billion");
    expect(formatShortMoney(6_800_000_000, "USD", "es")).toBe("US$6.8 mil millones");
    expect(formatShortMoney(50_000_000, "EUR", "en")).toBe("€50 million");
    expect(formatShortMoney(635_419_376.4, "USD", "en")).toBe("$635 million");
  });

  it("keeps small figures exact and never rounds them to zero", () => {
    expect(formatShortMoney(3_615.12, "USD", "en")).toBe("$3,615");
    expect(formatExactMoney(3_615.12, "USD", "en")).toBe("$3,615.12");
    expect(formatExactMoney(7_391_976, "USD", "es")).toBe("US$7,391,976");
    expect(formatExactMoney(-4_277_736, "USD", "en")).toBe("−$4,277,736");
  });

  it("writes dates to the precision the source gives", () => {
    expect(formatDate("2018-05-30", "en")).toBe("May 30, 2018");
    expect(formatDate("2018-05-30", "es")).toMatch(/30.*may.*2018/);
    expect(formatDate("2018-05-30", "en", "month")).toBe("May 2018");
    expect(formatDate("2018-05-30", "en", "year")).toBe("2018");
  });
});
