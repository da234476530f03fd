// Types for page-gate.mjs (plain JavaScript, loaded by the server before Next.js starts).
import type { IncomingMessage, ServerResponse } from "node:http";

export declare const DEFAULT_PAGE_CONCURRENCY: number;
export declare function pageConcurrency(environment?: Record<string, string | undefined>): number;
export declare function isPageLoad(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean;
export type PageGate = {
  admit(res: ServerResponse): Promise<boolean>;
  readonly waiting: number;
};
export declare function pageGate(perTurn: number): PageGate;
