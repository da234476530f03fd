// The client's address, reduced before hashing: an IPv4 address as is, an IPv6
// address to its /64 (one household or phone). Read only from the header the app's
// server (server/index.mjs) sets after removing any copy a client sent: the socket's
// address, or what a proxy named in TRUST_PROXY saw. X-Forwarded-For is never read
// here, since a client that reaches the app directly writes it itself. Without the
// server (`next dev`) every request is "unknown". Only a keyed hash is ever stored.
import { CLIENT_IP_HEADER } from "@/server/internal-headers.mjs";

export function clientIp(headers: Pick<Headers, "get">): string {
  return reduceIp(headers.get(CLIENT_IP_HEADER)?.trim() || "unknown");
}

/** An address as the signing path hashes it (admin search by IP hashes the same form). */
export function reduceIp(address: string): string {
  const ip = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
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
