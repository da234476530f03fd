// Types for trust-proxy.mjs (plain JavaScript, read by the server before Next.js starts).
export declare class TrustProxyError extends Error {}
export declare function parseTrustProxy(raw: string | undefined): (address: string, hop: number) => boolean;
export declare function trustProxyProblem(raw: string | undefined): string | null;
