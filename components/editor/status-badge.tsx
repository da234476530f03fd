import type { CampaignStatus } from "@/lib/campaigns/states";
import type { Messages } from "@/lib/i18n";

// Good news in green, waiting in amber, stopped in grey, removed in red: never alarming for a win.
const tone: Record<CampaignStatus, string> = {
  draft: "border-line bg-white text-ink",
  submitted: "border-warning bg-warning-soft text-warning",
  live: "border-accent bg-accent-soft text-accent",
  closed: "border-line bg-zinc-100 text-ink",
  won: "border-success bg-success-soft text-success",
  rejected: "border-warning bg-warning-soft text-warning",
  taken_down: "border-danger bg-white text-danger",
};

export function StatusBadge({ status, t }: { status: CampaignStatus; t: Messages["editor"] }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-3 py-0.5 text-sm font-semibold ${tone[status]}`}>
      <span className="sr-only">{t.status.label}: </span>
      {t.status[status]}
    </span>
  );
}
