// Types for guards.mjs.
import type { IncomingMessage } from "node:http";
export type Refusal = "bad_path" | "too_large" | "length_required" | "cross_origin";
export declare const BODY_LIMIT_BYTES: number;
export declare const UPLOAD_PATH: string;
export declare const UPLOAD_LIMIT_BYTES: number;
export declare function badPath(req: IncomingMessage): Refusal | null;
export declare function badBody(req: IncomingMessage): Refusal | null;
export declare function crossOrigin(req: IncomingMessage, appHost: string): Refusal | null;
export declare function refusalFor(req: IncomingMessage, appHost: string): Refusal | null;
