import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, retryIfConnectionLost } from "./database-unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("knows a refused, reset or timed-out connection, also wrapped by drizzle", () => {
    expect(isDatabaseUnavailable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("CONNECT_TIMEOUT"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: withCode("CONNECTION_CLOSED") }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("knows a server that is shutting down, starting up or full", () => {
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006", "08001"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it("does not excuse a bug or bad data as an outage", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("23505"))).toBe(false); // unique violation
    expect(isDatabaseUnavailable(withCode("42P01"))).toBe(false); // undefined table
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode("22P02") }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("does not loop on an error that is its own cause", () => {
    const e = new Error("loop") as Error & { cause?: unknown };
    e.cause = e;
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});

const lost = () => Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
const wrapped = () => new Error("Failed query: insert …", { cause: Object.assign(new Error("terminating connection"), { code: "57P01" }) });

describe("retryIfConnectionLost", () => {
  it("tries once more when the connection was lost, and answers what the second try gives", async () => {
    for (const failure of [lost(), wrapped()]) {
      let tries = 0;
      const result = await retryIfConnectionLost(async () => {
        tries++;
        if (tries === 1) throw failure;
        return "stored";
      }, 1);
      expect({ result, tries }).toEqual({ result: "stored", tries: 2 });
    }
  });

  it("gives up after the second try, with its error", async () => {
    let tries = 0;
    const second = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(
      retryIfConnectionLost(async () => {
        tries++;
        throw tries === 1 ? lost() : second;
      }, 1),
    ).rejects.toBe(second);
    expect(tries).toBe(2);
  });

  it("does not repeat work that failed for another reason", async () => {
    let tries = 0;
    const bug = Object.assign(new Error("duplicate key"), { code: "23505" });
    await expect(
      retryIfConnectionLost(async () => {
        tries++;
        throw bug;
      }, 1),
    ).rejects.toBe(bug);
    expect(tries).toBe(1);
  });
});
