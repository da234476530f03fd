import { AlertTriangle, BadgeCheck, CircleHelp, Newspaper } from "lucide-react";
import type { FactStatus } from "@/db/schema";
import type { Messages } from "@/lib/i18n";

const STYLE: Record<FactStatus, { className: string; Icon: typeof BadgeCheck }> = {
  verified_record: { className: "bg-success-soft text-success", Icon: BadgeCheck },
  verified_press: { className: "bg-success-soft text-success", Icon: Newspaper },
  reported: { className: "bg-zinc-100 text-muted", Icon: Newspaper },
  disputed: { className: "bg-warning-soft text-warning", Icon: AlertTriangle },
  wrong: { className: "bg-warning-soft text-warning", Icon: AlertTriangle },
  unverified: { className: "bg-zinc-100 text-muted", Icon: CircleHelp },
};

/** How far a fact was checked, in words (the icon only repeats them). */
export function StatusBadge({ status, t }: { status: FactStatus; t: Messages }) {
  const { className, Icon } = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold ${className}`}>
      <Icon aria-hidden="true" size={14} />
      {t.facts.status[status]}
    </span>
  );
}
