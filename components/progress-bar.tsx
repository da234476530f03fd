import { format, formatNumber, type Locale, type Messages } from "@/lib/i18n";

/**
 * The count in words ("12 signatures · goal 100", "1 pledge · goal 50") over the bar, and a line under it
 * that invites rather than discourages: while the first goal stands, "Be one of the
 * first 100"; after that, how many more the next goal needs.
 */
export function ProgressBar({
  count,
  goal,
  kind,
  locale,
  t,
  size = "large",
  note,
  nudge: showNudge = true,
}: {
  count: number;
  goal: number;
  /** The noun follows it: signatures for a petition, pledges for a pledge. */
  kind: "petition" | "pledge";
  locale: Locale;
  t: Messages;
  size?: "large" | "small";
  /** A line under the bar, e.g. "you are counted once you confirm". */
  note?: string;
  /** The inviting line under the bar; off where a heading already says it (the thank-you page). */
  nudge?: boolean;
}) {
  const share = Math.min(100, Math.round((count / goal) * 100));
  const label = format(t.progress.label, { count, goal, kind }, locale);
  const nudge =
    goal <= 100
      ? format(t.progress.invite, { goal }, locale)
      : format(t.progress.toGo, { remaining: Math.max(0, goal - count), goal }, locale);
  return (
    <div>
      <p aria-live="polite" className="flex flex-wrap items-baseline gap-x-2">
        <span className={size === "large" ? "text-4xl font-bold tabular-nums" : "text-2xl font-semibold tabular-nums"}>
          {formatNumber(locale, count)}
        </span>{" "}
        <span className="text-lg">
          {format(t.progress.noun, { count, kind }, locale)} · {format(t.progress.goalInline, { goal }, locale)}
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
      {size === "large" && (showNudge || note) && (
        <p className="mt-2">
          {showNudge && <span className="font-medium">{nudge}</span>} {note}
        </p>
      )}
    </div>
  );
}
