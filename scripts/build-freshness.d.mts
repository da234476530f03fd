// Types for build-freshness.mjs (plain JavaScript so `npm start` can import it without a build).
export declare const root: string;
export declare const APP_SOURCES: string[];
export declare function isBuildFresh(distDir: string, options?: { dir?: string; sources?: string[] }): boolean;
