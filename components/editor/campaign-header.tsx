import Link from "next/link";
import { CampaignTabs } from "@/components/workspace/campaign-tabs";
import { groupPath } from "@/lib/auth/paths";
import type { GroupRole } from "@/db/schema";
import type { CampaignStatus } from "@/lib/campaigns/states";
import type { Locale, Messages } from "@/lib/i18n";
import { StatusBadge } from "./status-badge";

/** A campaign's workspace heading: its group, its title and state, and the tab bar. */
export function CampaignHeader({
  locale, t, campaign, group, current,
}: {
  locale: Locale;
  t: Messages;
  campaign: { id: string; title: string; status: CampaignStatus };
  group: { slug: string; name: string; role: GroupRole };
  current: "overview" | "edit";
}) {
  return (
    <header>
      <p className="text-sm">
        <Link href={groupPath(locale, group.slug)} className="inline-block py-1 font-medium text-accent underline">
          {group.name}
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{campaign.title}</h1>
        <StatusBadge status={campaign.status} t={t.editor} />
      </div>
      <CampaignTabs locale={locale} t={t} campaignId={campaign.id} role={group.role} current={current} />
    </header>
  );
}
