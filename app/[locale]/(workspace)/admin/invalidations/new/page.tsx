// A new bulk invalidation; the trending report links here with the IP hash or domain filled in.
import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/server";
import { listCampaignsByStatus } from "@/lib/moderation/campaigns";
import { AdminHeader } from "../../_components/admin-nav";
import { NewInvalidationForm } from "../../_components/invalidation-forms";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.invalidations.new };
}

export default async function NewInvalidationPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const raw = await searchParams;
  const initial: Record<string, string> = {};
  for (const key of ["ip", "domain", "email", "campaignId", "reason"]) {
    if (typeof raw[key] === "string") initial[key] = raw[key].slice(0, 254);
  }
  // Signatures come in on live campaigns, and go on counting on closed ones for a day.
  const campaigns = (await Promise.all([listCampaignsByStatus("live", 1), listCampaignsByStatus("closed", 1), listCampaignsByStatus("won", 1)])).flat();
  return (
    <>
      <AdminHeader locale={locale} t={t.moderation} current="invalidations" title={t.moderation.invalidations.new} />
      <NewInvalidationForm t={t.moderation} locale={locale} campaigns={campaigns.map((c) => ({ id: c.id, title: c.title }))} initial={initial} />
    </>
  );
}
