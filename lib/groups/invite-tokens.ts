import "server-only";
// An invite's link token, derived from its id with the app's key: the invite row keeps
// only the token's sha256, and the outbox renders the link at send time.
import { keyedHash } from "@/lib/secrets";

export const INVITE_TTL_DAYS = 7;

export function inviteToken(inviteId: string): string {
  return keyedHash("group-invite", inviteId);
}
