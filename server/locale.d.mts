// Types for locale.mjs.
import type { IncomingMessage } from "node:http";
export declare function requestLocale(req: IncomingMessage): "en" | "es";
export function fromAcceptLanguage(header: string | null | undefined): "en" | "es";
