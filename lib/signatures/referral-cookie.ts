// A share link's referral code, carried from the page to the sign action in a cookie:
// the campaign page is one cached copy for everyone (lib/page-cache.ts), so it cannot
// carry each visitor's `?ref=` in its form. The proxy sets the cookie when a campaign
// page is opened with a well-formed code; the sign action reads it when the form
// brings none (a form post, with or without JavaScript, sends it: same site, same path).
// No imports: the proxy and the server action both use it.

export const REFERRAL_COOKIE = "ref";
const REFERRAL_CODE = /^[a-z0-9]{4,16}$/i;
// Long enough to read the page and sign; short enough not to credit a later visit.
const REFERRAL_MAX_AGE_SECONDS = 2 * 60 * 60;

/** The code if it has the shape of one, else undefined (nothing to remember). */
export function referralCode(value: string | null | undefined): string | undefined {
  return value && REFERRAL_CODE.test(value) ? value : undefined;
}

/**
 * The cookie for `code` on the campaign page at `pagePath` (as the browser sees it,
 * language prefix included): HttpOnly, first-party, sent only to that page and its
 * form posts.
 */
export function referralCookie(code: string, pagePath: string, secure: boolean) {
  return {
    name: REFERRAL_COOKIE,
    value: code,
    path: pagePath,
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    maxAge: REFERRAL_MAX_AGE_SECONDS,
  };
}
