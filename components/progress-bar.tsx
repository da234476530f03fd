import { format, formatNumber, type Locale, type Messages } from "@/lib/i18n";

export function ProgressBar({
  count,
  goal,
  locale,
  t,
  size = "large",
}: {
  count: number;
  goal: number;
  locale: Locale;
  t: Messages;
  size?: "large" | "small";
}) {
  const share = Math.min(100, Math.round((count / goal) * 100));
  const label = format(t.progress.label, { count: formatNumber(locale, count), goal: formatNumber(locale, goal) });
  return (
    <div>
      <p aria-live="polite" className="flex items-baseline justify-between gap-3">
        <span className={size === "large" ? "text-4xl font-bold tabular-nums" : "text-xl font-semibold tabular-nums"}>
          {formatNumber(locale, count)}
          <span className="sr-only"> {label}</span>
        </span>
        <span className="text-sm text-muted" aria-hidden="true">
          {format(t.progress.goal, { goal: formatNumber(locale, goal) })}
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={count}
        className={`mt-2 w-full overflow-hidden rounded-full bg-zinc-200 ${size === "large" ? "h-3" : "h-2"}`}
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${Math.max(share, count > 0 ? 2 : 0)}%` }} />
      </div>
    </div>
  );
}
