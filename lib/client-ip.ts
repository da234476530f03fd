// The client's address, reduced before hashing: an IPv4 address as is, an IPv6
// address to its /64 (one household or phone). Next.js puts the socket address in
// X-Forwarded-For when no proxy did; behind a proxy that appends, the last entry is
// the one the proxy saw. Only a keyed hash of the result is ever stored.
export function clientIp(forwardedFor: string | null): string {
  const last = forwardedFor?.split(",").map((s) => s.trim()).filter(Boolean).pop() ?? "unknown";
  const ip = last.replace(/^::ffff:/, "");
  if (!ip.includes(":")) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip;
}

function expandIpv6(ip: string): string[] | null {
  const [head, tail] = ip.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  if (tail === undefined && h.length !== 8) return null;
  const fill = Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}
