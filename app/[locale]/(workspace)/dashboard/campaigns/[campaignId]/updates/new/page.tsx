// Writing a new update (saved as a draft; its page then previews, tests and sends it).
import type { Metadata } from "next";
import Link from "next/link";
import { ComposeForm } from "@/components/updates/compose-form";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { localizedTitle } from "@/lib/campaigns/queries";
import { localeParam } from "@/lib/i18n/server";
import { saveUpdateAction } from "@/lib/updates/actions";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.updates.compose.title };
}

export default async function NewUpdatePage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign } = await requireCampaign(locale, campaignId, "updates.write");
  return (
    <div>
      <Link href={workspaceCampaignPath(locale, campaign.id, "/updates")} className="text-sm underline">{t.updates.detail.back}</Link>
      <p className="mt-2 text-sm text-muted">{localizedTitle(campaign, locale)}</p>
      <h1 className="text-2xl font-bold">{t.updates.compose.title}</h1>
      <ComposeForm action={saveUpdateAction} locale={locale} campaignId={campaign.id} t={{ updates: t.updates, errors: t.errors }} />
    </div>
  );
}
