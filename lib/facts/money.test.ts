import { describe, expect, it } from "vitest";
import { awardMoney, compareKinds, headlineAwardAmount, MoneyRuleError, obligatedTotal, resellerNote, sumMoney, type Money } from "./money";

const usd = (amount: number, kind: Money["kind"], asOf: string | null = "2020-01-01"): Money => ({ amount, currency: "USD", kind, asOf });

describe("rules for showing money", () => {
  it("never adds a ceiling (or a reported figure) to obligations", () => {
    expect(() => sumMoney([usd(10, "obligated"), usd(1_000_000, "ceiling")], "obligated")).toThrow(MoneyRuleError);
    expect(() => sumMoney([usd(10, "obligated"), usd(5, "reported_value")], "obligated")).toThrow(/cannot add a reported_value amount/);
    expect(() => sumMoney([usd(1, "ceiling")], "ceiling" as never)).toThrow(/ceiling amounts are not added up/);
    expect(() => sumMoney([usd(1, "obligated"), { ...usd(1, "obligated"), currency: "EUR" }], "obligated")).toThrow(/EUR/);
  });

  it("adds obligations exactly and dates the sum by its oldest part", () => {
    const sum = sumMoney([usd(0.1, "obligated", "2021-05-31"), usd(0.2, "obligated", "2018-07-04"), usd(-4277736, "obligated", null)], "obligated");
    expect(sum).toEqual({ amount: -4277735.7, currency: "USD", kind: "obligated", asOf: "2018-07-04" });
  });

  it("labels every amount of an award with its kind and as-of date, leaving out what the record lacks", () => {
    const m = awardMoney({ totalObligated: "7391976.00", currentValue: null, potentialValue: "7391976.00", asOf: "2023-05-10" });
    expect(m.obligated).toEqual(usd(7391976, "obligated", "2023-05-10"));
    expect(m.currentValue).toBeUndefined();
    expect(m.ceiling).toEqual(usd(7391976, "ceiling", "2023-05-10"));
    // An IDV with only a ceiling is headlined as a ceiling, never as money spent.
    expect(headlineAwardAmount({ totalObligated: null, currentValue: null, potentialValue: "730263676", asOf: "2018-07-04" })?.kind).toBe("ceiling");
  });

  it("makes a total say what it sums", () => {
    const base = { currentValue: null, potentialValue: "999999999", asOf: "2020-01-01" };
    const total = obligatedTotal([
      { ...base, totalObligated: "100.00", obligationBasis: "award_total", productCompanyId: null },
      { ...base, totalObligated: "50.25", obligationBasis: "transactions", productCompanyId: null },
      { ...base, totalObligated: "34933.69", obligationBasis: "award_total", productCompanyId: "microsoft-id" },
      { ...base, totalObligated: null, obligationBasis: "award_total", productCompanyId: null },
    ]);
    expect(total).toEqual({ amount: 35083.94, currency: "USD", kind: "obligated", asOf: "2020-01-01", awards: 4, fromTransactions: 1, viaReseller: 1 });
  });

  it("shows a reseller purchase as such", () => {
    expect(resellerNote({ recipientName: "DELL FEDERAL SYSTEMS L.P.", productOf: { name: "Microsoft" } })).toEqual({ soldBy: "DELL FEDERAL SYSTEMS L.P.", productOf: "Microsoft" });
    expect(resellerNote({ recipientName: "PALANTIR USG, INC.", productOf: null })).toBeNull();
  });

  it("orders kinds from money spent to claims", () => {
    expect(["ceiling", "reported_value", "obligated"].sort((a, b) => compareKinds(a as never, b as never))).toEqual(["obligated", "ceiling", "reported_value"]);
  });
});
