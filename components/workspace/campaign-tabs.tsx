import Link from "next/link";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { roleCan, type Permission } from "@/lib/auth/permissions";
import type { GroupRole } from "@/db/schema";
import type { Locale, Messages } from "@/lib/i18n";

// The tabs of a campaign's workspace, each shown only to roles that may open it.
const tabs: { key: keyof Messages["workspace"]["tabs"]; path: string; permission: Permission }[] = [
  { key: "overview", path: "", permission: "campaigns.read" },
  { key: "edit", path: "/edit", permission: "campaigns.write" },
  { key: "signers", path: "/signers", permission: "signers.read" },
  { key: "stats", path: "/stats", permission: "campaigns.read" },
  { key: "updates", path: "/updates", permission: "updates.write" },
  { key: "packet", path: "/packet", permission: "campaigns.read" },
];

export function CampaignTabs({
  locale, t, campaignId, role, current,
}: { locale: Locale; t: Messages; campaignId: string; role: GroupRole; current: (typeof tabs)[number]["key"] }) {
  return (
    <nav aria-label={t.workspace.tabs.label} className="mt-4 border-b border-line">
      <ul className="flex flex-wrap gap-x-1">
        {tabs.filter((tab) => roleCan(role, tab.permission)).map((tab) => (
          <li key={tab.key}>
            <Link
              href={workspaceCampaignPath(locale, campaignId, tab.path)}
              aria-current={tab.key === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center border-b-2 border-transparent px-3 hover:bg-accent-soft aria-[current=page]:border-accent aria-[current=page]:font-semibold"
            >
              {t.workspace.tabs[tab.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
