import { describe, expect, it } from "vitest";
import { fiscalYearOf, orderEvidence, parseAmount, parseDate } from "./dates";

describe("dates and amounts in USAspending files", () => {
  it("reads ISO, M/D/YY and D/M/YYYY (with or without a time)", () => {
    expect(parseDate("2018-05-04", "mdy")).toBe("2018-05-04");
    expect(parseDate("2018-05-04 16:59:00", "dmy")).toBe("2018-05-04");
    expect(parseDate("12/22/17", "mdy")).toBe("2017-12-22");
    expect(parseDate("5/31/21 0:00", "mdy")).toBe("2021-05-31");
    expect(parseDate("30/05/2018", "dmy")).toBe("2018-05-30");
    expect(parseDate("04/05/18 16:59", "dmy")).toBe("2018-05-04");
    expect(parseDate("", "mdy")).toBeNull();
    expect(() => parseDate("31/12/2018", "mdy")).toThrow(/not a date/);
    expect(() => parseDate("2018-02-30", "mdy")).toThrow(/not a date/);
  });

  it("finds the order from a value, or from the fiscal year beside it", () => {
    expect(orderEvidence("30/05/2018")).toBe("dmy");
    expect(orderEvidence("12/22/17")).toBe("mdy");
    expect(orderEvidence("04/05/2018")).toBeNull();
    expect(orderEvidence("1/10/17", 2018)).toBe("dmy");
    expect(orderEvidence("10/1/17", 2018)).toBe("mdy");
    expect(fiscalYearOf("2017-10-01")).toBe(2018);
    expect(fiscalYearOf("2017-09-30")).toBe(2017);
  });

  it("reads amounts, de-obligations and empty cells", () => {
    expect(parseAmount("-4277736")).toBe("-4277736.00");
    expect(parseAmount("$1,234.50")).toBe("1234.50");
    expect(parseAmount("(12.00)")).toBe("-12.00");
    expect(parseAmount(" ")).toBeNull();
    expect(() => parseAmount("12abc")).toThrow(/not an amount/);
  });
});
