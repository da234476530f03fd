// What a campaign slug looks like: lower-case ASCII letters and digits in words joined
// by single hyphens, at most 100 characters. Any other string in a URL or form is not a
// campaign, and is answered "not found" before it reaches the database (PostgreSQL
// refuses a NUL in text with an error) or the read cache (one entry per junk slug).
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

export function isSlugShaped(value: unknown): value is string {
  return typeof value === "string" && value.length <= SLUG_MAX && SLUG.test(value);
}
