// What a visitor sees at the address of a campaign the moderators took down: that it was
// removed, in the visitor's language; no reason, no organizer. The page cache renders it
// for the campaign's own address and serves it there with 410 Gone (lib/page-cache.ts);
// opened at this address by anyone else, it is not found.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Notice } from "@/components/notice";
import { isCampaignTakenDown } from "@/lib/campaigns/queries";
import { localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { isPageFill } from "@/lib/page-cache";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.gone.title, robots: { index: false } };
}

export default async function RemovedCampaignPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { slug } = await params;
  if (!isPageFill(await headers()) || !(await isCampaignTakenDown(slug))) notFound();
  return <Notice title={t.gone.title} body={t.gone.body} linkHref={localePath(locale, "/")} linkLabel={t.nav.home} />;
}
