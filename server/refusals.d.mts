// Types for refusals.mjs.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Refusal } from "./guards.mjs";
export declare function apiMessage(kind: Refusal, locale: "en" | "es"): string;
export declare function refuse(req: IncomingMessage, res: ServerResponse, kind: Refusal): void;
