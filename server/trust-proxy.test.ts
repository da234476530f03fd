import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { setClientHeaders } from "./client-address.mjs";
import { parseTrustProxy, trustProxyProblem } from "./trust-proxy.mjs";

/** A request as Node hands it over: headers lower-cased, the peer on the socket. */
function request(socketAddress: string, headers: Record<string, string> = {}) {
  return { headers: { ...headers }, socket: { remoteAddress: socketAddress }, connection: { remoteAddress: socketAddress } } as unknown as IncomingMessage;
}

function addressFor(setting: string | undefined, socketAddress: string, headers: Record<string, string> = {}) {
  const req = request(socketAddress, headers);
  setClientHeaders(req, parseTrustProxy(setting));
  return { address: req.headers["x-cut-ties-client-ip"], local: req.headers["x-cut-ties-local-request"] };
}

describe("TRUST_PROXY", () => {
  it("trusts no forwarded header by default: the address is the socket's", () => {
    for (const setting of [undefined, "", "false", "FALSE", "0"]) {
      expect(addressFor(setting, "198.51.100.7", { "x-forwarded-for": "203.0.113.9" }).address).toBe("198.51.100.7");
    }
  });

  it("with a hop count, takes the entry that many proxies in", () => {
    // client → load balancer (10.0.0.5) → nginx (socket 10.0.0.9)
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.5" };
    expect(addressFor("1", "10.0.0.9", headers).address).toBe("10.0.0.5");
    expect(addressFor("2", "10.0.0.9", headers).address).toBe("203.0.113.9");
    // More hops than entries: the leftmost, but never beyond it.
    expect(addressFor("9", "10.0.0.9", { "x-forwarded-for": "203.0.113.9" }).address).toBe("203.0.113.9");
  });

  it("with addresses, walks from the right past trusted proxies only: a forged leftmost entry is ignored", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };
    expect(addressFor("loopback", "127.0.0.1", headers).address).toBe("203.0.113.9");
    expect(addressFor("loopback", "::ffff:127.0.0.1", headers).address).toBe("203.0.113.9");
    // A socket that is not a trusted proxy: its header is ignored.
    expect(addressFor("loopback", "198.51.100.7", headers).address).toBe("198.51.100.7");
    expect(addressFor("10.0.0.0/8, 192.168.1.1", "10.1.2.3", { "x-forwarded-for": "6.6.6.6, 192.168.1.1" }).address).toBe("6.6.6.6");
  });

  it("understands IPv6 addresses and ranges", () => {
    expect(addressFor("::1", "::1", { "x-forwarded-for": "2001:db8::7" }).address).toBe("2001:db8::7");
    expect(addressFor("fd00::/8", "fd00::2", { "x-forwarded-for": "6.6.6.6, 2001:db8::7" }).address).toBe("2001:db8::7");
    expect(addressFor("uniquelocal", "fd12::1", { "x-forwarded-for": "2001:db8::7" }).address).toBe("2001:db8::7");
    expect(addressFor("fd00::/8", "2001:db8::99", { "x-forwarded-for": "2001:db8::7" }).address).toBe("2001:db8::99");
  });

  it("refuses what it cannot follow, saying how to write it", () => {
    expect(trustProxyProblem("true")).toMatch(/any client choose its address/);
    expect(trustProxyProblem("1.5")).toMatch(/whole number/);
    expect(trustProxyProblem("-1")).toMatch(/whole number/);
    expect(trustProxyProblem("proxy.example.org")).toMatch(/invalid IP address.*loopback/);
    expect(trustProxyProblem("10.0.0.0/33")).toMatch(/invalid range/);
    expect(trustProxyProblem("loopback, 10.0.0.0/8, fd00::/8")).toBeNull();
    expect(trustProxyProblem("3")).toBeNull();
  });
});

describe("the headers the server hands the app", () => {
  it("replaces any copy a client sent", () => {
    const req = request("198.51.100.7", { "x-cut-ties-client-ip": "1.2.3.4", "x-cut-ties-local-request": "1" });
    setClientHeaders(req, parseTrustProxy(undefined));
    expect(req.headers["x-cut-ties-client-ip"]).toBe("198.51.100.7");
    expect(req.headers["x-cut-ties-local-request"]).toBeUndefined();
  });

  it("marks a request local only from loopback through no proxy", () => {
    expect(addressFor(undefined, "127.0.0.1").local).toBe("1");
    expect(addressFor(undefined, "::1").local).toBe("1");
    expect(addressFor(undefined, "::ffff:127.0.0.1").local).toBe("1");
    expect(addressFor(undefined, "192.0.2.2").local).toBeUndefined();
    for (const header of ["x-forwarded-for", "forwarded", "x-real-ip"]) {
      expect(addressFor(undefined, "127.0.0.1", { [header]: "127.0.0.1" }).local).toBeUndefined();
      expect(addressFor("loopback", "127.0.0.1", { [header]: "127.0.0.1" }).local).toBeUndefined();
    }
  });
});
