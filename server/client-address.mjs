// The client's address, worked out from the socket and only the forwarded headers
// that TRUST_PROXY's proxies wrote, then handed to the app in headers only this
// server sets (see internal-headers.mjs). A client reaching the app directly cannot
// choose its address by writing X-Forwarded-For itself.
import proxyaddr from "proxy-addr";
import { CLIENT_IP_HEADER, INTERNAL_HEADERS, LOCAL_REQUEST_HEADER } from "./internal-headers.mjs";

// Any of these means someone between the client and us relayed the request.
const FORWARDED_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];
const isLoopback = proxyaddr.compile("loopback");

/** The client's address for `req` under `trust`; undefined when the socket is gone. */
export function clientAddress(req, trust) {
  if (!req.socket?.remoteAddress) return undefined;
  return proxyaddr(req, trust);
}

/** Replaces the internal headers on `req` with what the server knows. */
export function setClientHeaders(req, trust) {
  for (const name of INTERNAL_HEADERS) delete req.headers[name];
  const address = clientAddress(req, trust);
  if (!address) return;
  req.headers[CLIENT_IP_HEADER] = address;
  const relayed = FORWARDED_HEADERS.some((name) => req.headers[name] !== undefined);
  if (!relayed && isLoopback(req.socket.remoteAddress, 0) && isLoopback(address, 0)) {
    req.headers[LOCAL_REQUEST_HEADER] = "1";
  }
}
