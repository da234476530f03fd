// Types for server-flags.mjs (plain JavaScript so `npm start` can import it without a build).
export declare const SERVER_NODE_FLAGS: string[];
export declare const WORKER_ARGS: string[];
export declare const SERVER_ENTRY: string;
