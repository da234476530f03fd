import "server-only";
// Unsubscribe links carry the signature's id and a keyed hash of it: nothing to store,
// the same link in every update of one signature, and no way to forge another's.
import crypto from "node:crypto";
import { keyedHash } from "@/lib/secrets";
import { isUuid } from "@/lib/uuid";


export function unsubscribeToken(signatureId: string): string {
  return `${signatureId}.${keyedHash("unsubscribe", signatureId)}`;
}

/** The signature id a token names, or null when the token is not one of ours. */
export function signatureFromToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 120) return null;
  const [id, mac, extra] = token.split(".");
  if (extra !== undefined || !id || !mac || !isUuid(id)) return null;
  const expected = Buffer.from(keyedHash("unsubscribe", id));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
}
