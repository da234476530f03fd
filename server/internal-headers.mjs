// Headers only this server may set on a request it hands to Next.js. It deletes any
// copy a client sent before setting them, so the app can believe what they say.
/** The client's address as the server worked it out (socket, and TRUST_PROXY's proxies). */
export const CLIENT_IP_HEADER = "x-cut-ties-client-ip";
/** "1" when the request came from this machine itself, through no proxy. */
export const LOCAL_REQUEST_HEADER = "x-cut-ties-local-request";
export const INTERNAL_HEADERS = [CLIENT_IP_HEADER, LOCAL_REQUEST_HEADER];
