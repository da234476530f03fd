import type { Metadata } from "next";
import Link from "next/link";
import { CampaignForm } from "@/components/editor/campaign-form";
import { requireGroup } from "@/lib/auth/guard";
import { groupPath } from "@/lib/auth/paths";
import { listCompanies } from "@/lib/campaigns/workspace-queries";
import { localeParam } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; groupSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.editor.newTitle };
}

export default async function NewCampaignPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { groupSlug } = await params;
  const { group } = await requireGroup(locale, groupSlug, "campaigns.write");
  const companies = await listCompanies();
  return (
    <div>
      <p className="text-sm">
        <Link href={groupPath(locale, group.slug)} className="inline-block py-1 font-medium text-accent underline">
          {group.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t.editor.newTitle}</h1>
      <p className="mt-2 max-w-prose">{t.editor.newIntro}</p>
      <CampaignForm
        target={{ groupId: group.id }}
        locale={locale}
        status="draft"
        initial={{ kind: "petition" }}
        initialHtml={null}
        companies={companies}
        permalink={groupPath(locale, group.slug, "/campaigns/new")}
        t={{ editor: t.editor, errors: t.workspace.errors }}
      />
    </div>
  );
}
