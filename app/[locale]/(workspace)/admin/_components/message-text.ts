// Error codes and field-error keys to the admin's words (server and client alike).
import { format, type Messages } from "@/lib/i18n";

type T = Messages["moderation"];

export function errorText(t: T, code: string): string {
  return (t.errors as Record<string, string>)[code] ?? t.errors.other;
}

export function fieldText(t: T, key: string): string {
  if (key.startsWith("badList:")) return format(t.fields.badList, { entries: key.slice("badList:".length) });
  return (t.fields as Record<string, string>)[key] ?? t.fields.invalid;
}
