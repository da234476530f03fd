// TRUST_PROXY: which proxies in front of the app may tell it the client's address
// (in X-Forwarded-For). Plain JavaScript: the server reads it before Next.js starts,
// and lib/env.ts validates the same setting with the same rules.
//   unset, "false" or "0"     trust no forwarded header: the address is the socket's
//   a number N                N proxies in front (a load balancer and nginx: 2)
//   a comma list              addresses, CIDR ranges and proxy-addr's names
//                             (loopback, linklocal, uniquelocal), IPv6 included
import proxyaddr from "proxy-addr";

export class TrustProxyError extends Error {}

const trustNone = () => false;

/** A proxy-addr trust function for the setting; throws TrustProxyError when it is not valid. */
export function parseTrustProxy(raw) {
  const value = (raw ?? "").trim();
  if (value === "" || value.toLowerCase() === "false") return trustNone;
  if (value.toLowerCase() === "true") {
    // Express's "true" trusts every hop: the leftmost entry, which the client writes.
    throw new TrustProxyError(
      'TRUST_PROXY=true would let any client choose its address; give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new TrustProxyError(`TRUST_PROXY=${value}: more proxy hops than any real path has (at most 20)`);
    // proxy-addr calls the function with the socket address as hop 0, then each
    // X-Forwarded-For entry from the right: the first `hops` of them are our proxies.
    return hops === 0 ? trustNone : (_address, hop) => hop < hops;
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) throw new TrustProxyError(`TRUST_PROXY=${value}: a hop count is a whole number ≥ 0`);
  const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new TrustProxyError(
      `TRUST_PROXY: ${error.message}; use a number of hops, or addresses, CIDR ranges and loopback, linklocal, uniquelocal separated by commas`,
    );
  }
}

/** The setting's problem in a sentence, or null when it is valid. */
export function trustProxyProblem(raw) {
  try {
    parseTrustProxy(raw);
    return null;
  } catch (error) {
    if (error instanceof TrustProxyError) return error.message;
    throw error;
  }
}
