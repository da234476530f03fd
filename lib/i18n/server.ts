import "server-only";
import { notFound } from "next/navigation";
import { isLocale, messages, type Locale, type Messages } from "./index";

/** The locale of a [locale] route segment, or a 404 for anything else. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Messages }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: messages(locale) };
}
