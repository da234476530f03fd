import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the last X-Forwarded-For entry, the one our proxy saw", () => {
    expect(clientIp("203.0.113.9, 198.51.100.7")).toBe("198.51.100.7");
  });
  it("unwraps IPv4-mapped IPv6", () => {
    expect(clientIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });
  it("reduces IPv6 to its /64", () => {
    expect(clientIp("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::/64");
    expect(clientIp("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientIp("::1")).toBe("0:0:0:0::/64");
  });
  it("copes with no header", () => {
    expect(clientIp(null)).toBe("unknown");
  });
});
