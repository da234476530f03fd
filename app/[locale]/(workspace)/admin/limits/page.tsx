// Signing limits and allow/block lists, editable while the app runs.
import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/server";
import { defaultLimits, limitNames, loadModerationSettings } from "@/lib/moderation/settings";
import { listNames } from "@/lib/moderation/lists";
import { AdminHeader } from "../_components/admin-nav";
import { LimitsForm } from "../_components/limits-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.limits.title };
}

export default async function LimitsPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const settings = await loadModerationSettings();
  const defaults = defaultLimits();
  const values: Record<string, string> = {};
  const defaultText: Record<string, string> = {};
  for (const name of limitNames) {
    defaultText[name] = `${defaults[name].max}/${defaults[name].seconds}`;
    values[name] = settings.overridden.includes(name) ? `${settings.limits[name].max}/${settings.limits[name].seconds}` : "";
  }
  for (const name of listNames) values[name] = settings.lists[name].join("\n");
  return (
    <>
      <AdminHeader locale={locale} t={t.moderation} current="limits" title={t.moderation.limits.title} />
      <p className="mb-6 max-w-3xl text-muted">{t.moderation.limits.intro}</p>
      <LimitsForm t={t.moderation} values={values} defaults={defaultText} />
    </>
  );
}
