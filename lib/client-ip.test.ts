import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const from = (headers: Record<string, string>) => clientIp(new Headers(headers));

describe("clientIp", () => {
  it("reads the address the app's server set", () => {
    expect(from({ "x-cut-ties-client-ip": "198.51.100.7" })).toBe("198.51.100.7");
  });
  it("never reads X-Forwarded-For, which a client writes itself", () => {
    expect(from({ "x-forwarded-for": "203.0.113.9" })).toBe("unknown");
    expect(from({ "x-forwarded-for": "203.0.113.9", "x-cut-ties-client-ip": "198.51.100.7" })).toBe("198.51.100.7");
  });
  it("unwraps IPv4-mapped IPv6", () => {
    expect(from({ "x-cut-ties-client-ip": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  });
  it("reduces IPv6 to its /64", () => {
    expect(from({ "x-cut-ties-client-ip": "2001:db8:abcd:12:1:2:3:4" })).toBe("2001:db8:abcd:12::/64");
    expect(from({ "x-cut-ties-client-ip": "2001:db8::1" })).toBe("2001:db8:0:0::/64");
    expect(from({ "x-cut-ties-client-ip": "::1" })).toBe("0:0:0:0::/64");
  });
  it("copes with no header", () => {
    expect(from({})).toBe("unknown");
  });
});
