import { describe, expect, it } from "vitest";
import { compileLists, emptyLists, parseList, screenSigner } from "./lists";

describe("parsing the lists an admin types", () => {
  it("takes CIDR ranges and addresses, refusing what is not one", () => {
    expect(parseList("blockedIps", "10.0.0.0/8\n192.168.1.7\n# a comment\n\n2001:db8::/32")).toEqual({
      entries: ["10.0.0.0/8", "192.168.1.7", "2001:db8::/32"],
      invalid: [],
    });
    expect(parseList("allowedIps", "127").invalid).toEqual(["127"]);
    expect(parseList("allowedIps", "10.0.0.0/33").invalid).toEqual(["10.0.0.0/33"]);
  });

  it("takes domains with one-level and any-depth wildcards, refusing junk", () => {
    expect(parseList("blockedDomains", "Example.com\n*.mail.example\n**.spam.test").entries).toEqual([
      "example.com", "*.mail.example", "**.spam.test",
    ]);
    expect(parseList("allowedDomains", "foo(").invalid).toEqual(["foo("]);
  });

  it("stores blocked addresses canonically, so +tags and case do not slip past", () => {
    expect(parseList("blockedEmails", "Bob.Jones+x@GoogleMail.com").entries).toEqual(["bobjones@gmail.com"]);
    expect(parseList("blockedEmails", "foo").invalid).toEqual(["foo"]);
  });
});

describe("screening a signer", () => {
  const lists = compileLists({
    ...emptyLists(),
    blockedIps: ["203.0.113.0/24", "2001:db8:bad::/48"],
    allowedIps: ["198.51.100.0/24"],
    blockedDomains: ["spam.test", "*.burner.test"],
    allowedDomains: ["**.campus.edu"],
    blockedEmails: ["bad@example.org"],
  });

  it("names what blocks it, the address first", () => {
    expect(screenSigner(lists, "203.0.113.9", "a@example.org")).toEqual({ blocked: "blocked_ip", exempt: false });
    expect(screenSigner(lists, "2001:db8:bad:1::/64", "a@example.org").blocked).toBe("blocked_ip");
    expect(screenSigner(lists, "192.0.2.1", "a@spam.test").blocked).toBe("blocked_domain");
    expect(screenSigner(lists, "192.0.2.1", "a@x.burner.test").blocked).toBe("blocked_domain");
    expect(screenSigner(lists, "192.0.2.1", "a@y.x.burner.test").blocked).toBeNull(); // one level only
    expect(screenSigner(lists, "203.0.113.9", "bad@example.org").blocked).toBe("blocked_email");
    expect(screenSigner(lists, "unknown", "ok@example.org")).toEqual({ blocked: null, exempt: false });
  });

  it("exempts allowed ranges and domains from the soft limit", () => {
    expect(screenSigner(lists, "198.51.100.20", "a@example.org").exempt).toBe(true);
    expect(screenSigner(lists, "192.0.2.1", "a@cs.dept.campus.edu").exempt).toBe(true);
    expect(screenSigner(lists, "192.0.2.1", "a@campus.edu").exempt).toBe(false);
  });
});
