// Types for client-address.mjs.
import type { IncomingMessage } from "node:http";
type Trust = (address: string, hop: number) => boolean;
export declare function clientAddress(req: IncomingMessage, trust: Trust): string | undefined;
export declare function setClientHeaders(req: IncomingMessage, trust: Trust): void;
