// Where the workspace lives, in one place so links and redirects agree.
import { localePath, type Locale } from "@/lib/i18n";

export function signInPath(locale: Locale, next?: string): string {
  const safeNext = next && next.startsWith("/") && !next.startsWith("//") ? next : undefined;
  return localePath(locale, safeNext ? `/sign-in?next=${encodeURIComponent(safeNext)}` : "/sign-in");
}

/** Where to go once signed in: `next` is a path without its language prefix (guard.ts gives the bare path). */
export function afterSignInPath(locale: Locale, next: string | null): string {
  if (!next) return dashboardPath(locale);
  return /^\/es(\/|$|\?)/.test(next) ? next : localePath(locale, next);
}

export const dashboardPath = (locale: Locale) => localePath(locale, "/dashboard");
export const groupPath = (locale: Locale, groupSlug: string, rest = "") =>
  localePath(locale, `/dashboard/groups/${groupSlug}${rest}`);
export const workspaceCampaignPath = (locale: Locale, campaignId: string, rest = "") =>
  localePath(locale, `/dashboard/campaigns/${campaignId}${rest}`);
export const adminPath = (locale: Locale, rest = "") => localePath(locale, `/admin${rest}`);
