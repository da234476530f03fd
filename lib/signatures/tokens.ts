import "server-only";
// Confirmation tokens are derived from the signature id with the app's key, so the
// token never has to be stored: the signature keeps only its sha256, and every
// email for one signature carries the same link.
import crypto from "node:crypto";
import { keyedHash, sha256 } from "@/lib/secrets";

export const TOKEN_TTL_DAYS = 7;

export function confirmationToken(signatureId: string): string {
  return keyedHash("confirm-signature", signatureId);
}

export function tokenHash(token: string): string {
  return sha256(token);
}

/**
 * Names the details a confirmation page showed (the name), so its POST confirms only
 * if they still hold: a later submission for the address may have replaced them.
 */
export function detailsDigest(signatureId: string, fullName: string): string {
  return keyedHash("confirm-details", `${signatureId}\0${fullName}`);
}

/** Whether a token from a link could be one of ours (base64url keyed hashes), before any query. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A short random code for share links (no look-alike characters). */
export function newReferralCode(length = 10): string {
  const bytes = crypto.randomBytes(length);
  let code = "";
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return code;
}
