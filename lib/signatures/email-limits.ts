// How much mail one signature can cause, shared by signing and deletion requests.
// A leaf module: the email worker's imports reach it without a cycle.

/** At most this many emails of a kind per signature, in its lifetime. */
export const MAX_EMAILS_PER_SIGNATURE = 5;
/** No confirmation email sooner than this after the last one. */
export const RESEND_AFTER = "2 minutes";
