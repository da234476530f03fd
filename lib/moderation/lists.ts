// The allow and block lists, as pure functions: parsing what an admin typed (one
// entry a line) and matching a signer against the parsed lists. IP ranges are CIDR,
// matched with proxy-addr (already the server's parser for TRUST_PROXY); domains match
// exactly, "*.example.com" one subdomain level and "**.example.com" any depth
// (e-petitions' rules); addresses match after canonicalisation.
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import { canonicalEmail } from "@/lib/signatures/canonical-email";

export const listNames = ["allowedIps", "blockedIps", "allowedDomains", "blockedDomains", "blockedEmails"] as const;
export type ListName = (typeof listNames)[number];
export type Lists = Record<ListName, string[]>;

export const emptyLists = (): Lists => ({ allowedIps: [], blockedIps: [], allowedDomains: [], blockedDomains: [], blockedEmails: [] });

const MAX_ENTRIES = 1000;
const domainPattern = /^(\*\*?\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Splits a textarea into trimmed, non-empty, de-duplicated lines (comments after #). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/#.*$/, "").trim().toLowerCase()).filter(Boolean);
  return [...new Set(lines)];
}

function validIpRange(entry: string): boolean {
  // A bare address is a /32 or /128; "127" or "10.0.0.0/33" are refused.
  const [address, bits, more] = entry.split("/");
  if (more !== undefined || !isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  try {
    proxyaddr.compile([entry]);
    return true;
  } catch {
    return false;
  }
}

function validEntry(name: ListName, entry: string): boolean {
  if (name === "allowedIps" || name === "blockedIps") return validIpRange(entry);
  if (name === "blockedEmails") return entry.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry);
  return entry.length <= 253 && domainPattern.test(entry);
}

/** Parses one list; the invalid entries are returned so the form can name them. */
export function parseList(name: ListName, text: string): { entries: string[]; invalid: string[] } {
  let entries = splitLines(text);
  const invalid = entries.filter((e) => !validEntry(name, e));
  if (name === "blockedEmails") entries = entries.map((e) => (validEntry(name, e) ? canonicalEmail(e) : e));
  if (entries.length > MAX_ENTRIES) invalid.push(`> ${MAX_ENTRIES}`);
  return { entries, invalid };
}

export type CompiledLists = {
  ipAllowed(ip: string): boolean;
  ipBlocked(ip: string): boolean;
  domainAllowed(domain: string): boolean;
  domainBlocked(domain: string): boolean;
  emailBlocked(canonical: string): boolean;
};

function ipMatcher(ranges: string[]): (ip: string) => boolean {
  if (ranges.length === 0) return () => false;
  const trust = proxyaddr.compile(ranges);
  return (ip) => {
    // The signing path sees an IPv6 client as its /64 ("2001:db8:1:2::/64"): test its first address.
    const address = ip.endsWith("::/64") ? ip.slice(0, -3) : ip;
    try {
      return trust(address, 0);
    } catch {
      return false; // "unknown" (no server in front) matches no range
    }
  };
}

function domainMatcher(patterns: string[]): (domain: string) => boolean {
  if (patterns.length === 0) return () => false;
  const exact = new Set(patterns.filter((p) => !p.startsWith("*")));
  const one = patterns.filter((p) => p.startsWith("*.")).map((p) => p.slice(1)); // ".example.com"
  const deep = patterns.filter((p) => p.startsWith("**.")).map((p) => p.slice(2));
  return (raw) => {
    const domain = raw.toLowerCase();
    if (exact.has(domain)) return true;
    for (const suffix of one) {
      if (domain.endsWith(suffix) && !domain.slice(0, -suffix.length).includes(".") && domain.length > suffix.length) return true;
    }
    return deep.some((suffix) => domain.endsWith(suffix) && domain.length > suffix.length);
  };
}

export function compileLists(lists: Lists): CompiledLists {
  const blockedEmails = new Set(lists.blockedEmails);
  return {
    ipAllowed: ipMatcher(lists.allowedIps),
    ipBlocked: ipMatcher(lists.blockedIps),
    domainAllowed: domainMatcher(lists.allowedDomains),
    domainBlocked: domainMatcher(lists.blockedDomains),
    emailBlocked: (canonical) => blockedEmails.has(canonical),
  };
}

/** Why a signature is flagged by the lists, or null; `exempt` when an allow list lets it past the soft limit. */
export function screenSigner(lists: CompiledLists, ip: string, emailCanonical: string): { blocked: string | null; exempt: boolean } {
  const domain = emailCanonical.slice(emailCanonical.lastIndexOf("@") + 1);
  const blocked = lists.emailBlocked(emailCanonical)
    ? "blocked_email"
    : lists.ipBlocked(ip)
      ? "blocked_ip"
      : lists.domainBlocked(domain)
        ? "blocked_domain"
        : null;
  return { blocked, exempt: lists.ipAllowed(ip) || lists.domainAllowed(domain) };
}

/** flagged_reason values the lists write: such a signature is accepted but never counted. */
export const blockedFlags = ["blocked_email", "blocked_ip", "blocked_domain"] as const;
export function isBlockedFlag(reason: string | null | undefined): boolean {
  return !!reason && (blockedFlags as readonly string[]).includes(reason);
}
