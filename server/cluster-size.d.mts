// Types for cluster-size.mjs (plain JavaScript, read by the server before Next.js starts).
export declare class ClusterSizeError extends Error {}
export declare function clusterSize(environment?: Record<string, string | undefined>, dev?: boolean): number;
