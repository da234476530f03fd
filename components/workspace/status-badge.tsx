import type { Messages } from "@/lib/i18n";

type Status = keyof Messages["workspace"]["statuses"];

// A campaign's state as a small label: green for good news, amber while waiting, grey otherwise.
const tone: Record<Status, string> = {
  draft: "bg-zinc-100 text-zinc-800",
  submitted: "bg-warning-soft text-warning",
  live: "bg-success-soft text-success",
  won: "bg-success-soft text-success",
  closed: "bg-zinc-100 text-zinc-800",
  rejected: "bg-red-50 text-danger",
  taken_down: "bg-red-50 text-danger",
};

export function StatusBadge({ status, t }: { status: Status; t: Messages["workspace"]["statuses"] }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone[status]}`}>{t[status]}</span>;
}
