// Shared looks of the admin pages: tables with a sticky header, buttons of 44 px.
import type { Locale } from "@/lib/i18n";

export const tableClass = "w-full border-collapse text-left text-sm";
export const thClass = "sticky top-0 border-b border-line bg-white px-2 py-2 font-semibold";
export const tdClass = "border-b border-line px-2 py-2 align-top";
export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded border border-zinc-400 bg-white px-3 font-medium hover:bg-zinc-100 disabled:opacity-60";
export const inputClass = "mt-1 block min-h-11 w-full rounded border border-zinc-400 bg-white px-3 text-base aria-[invalid=true]:border-danger";

export function formatDate(locale: Locale, date: Date | null): string {
  if (!date) return "";
  return new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";
}
