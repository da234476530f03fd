// One person, one signature: addresses are compared in a canonical form, so
// "Ana.Perez+x@GoogleMail.com" and "anaperez@gmail.com" are the same signer.

const ALIAS_DOMAINS: Record<string, string> = { "googlemail.com": "gmail.com" };
// Providers that ignore dots in the local part.
const DOTLESS_DOMAINS = new Set(["gmail.com"]);

export function canonicalEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, "");
  domain = ALIAS_DOMAINS[domain] ?? domain;
  local = local.split("+")[0];
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}
