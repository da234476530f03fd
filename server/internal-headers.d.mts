// Types for internal-headers.mjs.
export declare const CLIENT_IP_HEADER: "x-cut-ties-client-ip";
export declare const LOCAL_REQUEST_HEADER: "x-cut-ties-local-request";
export declare const INTERNAL_HEADERS: string[];
