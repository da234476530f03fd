import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/editor/campaign-form";
import { CampaignHeader } from "@/components/editor/campaign-header";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { campaignFormValues } from "@/lib/campaigns/form-values";
import { localizedTitle } from "@/lib/campaigns/queries";
import { isEditable } from "@/lib/campaigns/states";
import { getGroupCampaign, listCompanies } from "@/lib/campaigns/workspace-queries";
import { localeParam } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.editor.editTitle };
}

export default async function EditCampaignPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign, group } = await requireCampaign(locale, campaignId, "campaigns.write");
  const [row, companies] = await Promise.all([getGroupCampaign({ campaignId: campaign.id, groupId: group.id }), listCompanies()]);
  if (!row || !isEditable(row.status)) notFound();
  return (
    <div>
      <CampaignHeader locale={locale} t={t} campaign={{ ...row, title: localizedTitle(row, locale) }} group={group} current="edit" />
      <h2 className="sr-only">{t.editor.editTitle}</h2>
      <CampaignForm
        target={{ campaignId: row.id }}
        locale={locale}
        status={row.status}
        initial={campaignFormValues(row)}
        initialHtml={renderMarkdown(row.story)}
        companies={companies}
        permalink={workspaceCampaignPath(locale, row.id, "/edit")}
        t={{ editor: t.editor, errors: t.workspace.errors }}
      />
    </div>
  );
}
