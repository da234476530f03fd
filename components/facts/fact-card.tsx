// Fact cards (shared/DESIGN.md): the figure large, its kind and as-of date small beneath
// it, the agency, program and year, and a source chip that opens the source; a corrected
// or disputed claim shows its correction plainly. Server components: no JavaScript.
import Link from "next/link";
import type { FactItem } from "@/lib/facts/queries";
import type { DatedTotal } from "@/lib/facts/page-queries";
import { formatShortMoney } from "@/lib/facts/format";
import { format, localePath, type Locale, type Messages } from "@/lib/i18n";
import { agencyLabel, correctionOf, eventWhen, headlineOf, kindAndDate, supportingSources, totalDates } from "./labels";
import { SourceChip } from "./source-chip";
import { StatusBadge } from "./status-badge";

const MONEY = new Set(["obligated", "current_value", "ceiling", "reported_value", "budget"]);

export function factFigure(fact: FactItem, locale: Locale): string | null {
  if (!fact.amount) return null;
  const { amount, currency, kind } = fact.amount;
  if (MONEY.has(kind)) return formatShortMoney(amount, currency, locale);
  return kind === "percent" ? `${amount}%` : new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US").format(amount);
}

export function FactCard({
  fact,
  locale,
  t,
  maxSources = 2,
  children,
}: {
  fact: FactItem;
  locale: Locale;
  t: Messages;
  maxSources?: number;
  /** More about the fact (its other citations), at the foot of the card. */
  children?: React.ReactNode;
}) {
  const figure = factFigure(fact, locale);
  const correction = correctionOf(fact, locale);
  const context = [agencyLabel(fact.agency), fact.program, eventWhen(fact, locale)].filter(Boolean).join(" · ");
  const links = supportingSources(fact).slice(0, maxSources);
  // The claim a fact corrects, struck through, whenever there is a correction to set against it.
  const showClaim = Boolean(fact.claimed && (correction || fact.status === "wrong" || fact.status === "disputed"));
  return (
    <article className="flex h-full flex-col rounded-lg border border-line p-4" data-fact={fact.key}>
      {figure && fact.amount && (
        <p>
          <span className="block text-3xl font-bold leading-tight tabular-nums">{figure}</span>
          <span className="block text-sm text-muted">{kindAndDate(fact.amount, locale, t)}</span>
        </p>
      )}
      <h3 className={`${figure ? "mt-2" : ""} font-semibold leading-snug`}>{headlineOf(fact, locale)}</h3>
      {context && <p className="mt-1 text-sm text-muted">{context}</p>}
      {(showClaim || correction) && (
        <div className="mt-3 rounded border-l-4 border-warning bg-warning-soft p-2 text-sm">
          {showClaim && (
            <p>
              <span className="font-semibold">{t.facts.card.claimed}: </span>
              <s>{fact.claimed}</s>
            </p>
          )}
          {correction && (
            <p className={showClaim ? "mt-1" : ""}>
              <span className="font-semibold">{t.facts.card.correction}: </span>
              {correction}
            </p>
          )}
        </div>
      )}
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-3">
        <StatusBadge status={fact.status} t={t} />
        {links.map((c) => (
          <SourceChip key={`${c.source.key}`} citation={c} locale={locale} label={t.facts.card.source} />
        ))}
      </div>
      {children}
    </article>
  );
}

/** A company's obligated total: what it sums, from when, and where its awards are listed. */
export function TotalCard({
  company,
  total,
  locale,
  t,
}: {
  company: { slug: string; name: string };
  total: DatedTotal;
  locale: Locale;
  t: Messages;
}) {
  const agencies = total.agencies.map(agencyLabel).filter(Boolean).join(", ");
  return (
    <article className="flex h-full flex-col rounded-lg border border-line bg-accent-soft/40 p-4" data-fact-total={company.slug}>
      <p>
        <span className="block text-3xl font-bold leading-tight tabular-nums">{formatShortMoney(total.amount, total.currency, locale)}</span>
        <span className="block text-sm text-muted">
          {t.facts.kind.obligated}, {totalDates(total.asOf, total.asOfLatest, locale, t)}
        </span>
      </p>
      <h3 className="mt-2 font-semibold leading-snug">{format(t.facts.panel.totalHeading, { company: company.name }, locale)}</h3>
      <p className="mt-1 text-sm text-muted">
        {format(t.facts.money.totalSums, { count: total.awards, agencies: agencies || "none" }, locale)}
      </p>
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-3">
        <Link
          prefetch={false}
          href={`${localePath(locale, `/companies/${company.slug}`)}#awards`}
          className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-3 text-sm font-medium text-accent underline-offset-2 hover:underline"
          data-source=""
          data-source-link=""
        >
          <span className="sr-only">{t.facts.card.source}: </span>
          {format(t.facts.card.awards, { count: total.awards }, locale)}
        </Link>
      </div>
    </article>
  );
}
