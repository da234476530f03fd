import "server-only";
// What a sign-in email carries, derived from its request's id with the app's key: the
// link's token and the 6-digit code. Kept apart from sign-in.ts so the mail composer can
// render them without importing the sign-in flow.
import crypto from "node:crypto";
import { keyedHash } from "@/lib/secrets";

export const SIGN_IN_TTL_MINUTES = 15;

export function signInLinkToken(requestId: string): string {
  return keyedHash("sign-in-link", requestId);
}

export function signInCode(requestId: string): string {
  const digest = crypto.createHmac("sha256", keyedHash("sign-in-code", requestId)).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, "0");
}
