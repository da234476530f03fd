import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AwardsTable } from "@/components/facts/awards-table";
import { FactCard } from "@/components/facts/fact-card";
import { totalDates, sourceLabel } from "@/components/facts/labels";
import { ObligationsChart } from "@/components/facts/obligations-chart";
import { formatShortMoney, formatExactMoney } from "@/lib/facts/format";
import { getCompanyPage, STATED_STATUSES } from "@/lib/facts/page-queries";
import type { FactItem } from "@/lib/facts/queries";
import { appUrl } from "@/lib/env";
import { format, localePath, type Locale, type Messages } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localeParam(params);
  const { slug } = await params;
  const data = await getCompanyPage(slug, locale);
  if (!data) return {};
  return {
    title: data.company.name,
    description: data.company.summary ?? undefined,
    alternates: {
      canonical: `${appUrl}${localePath(locale, `/companies/${slug}`)}`,
      languages: { en: `${appUrl}/companies/${slug}`, es: `${appUrl}/es/companies/${slug}` },
    },
  };
}

export default async function CompanyPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { slug } = await params;
  const data = await getCompanyPage(slug, locale);
  if (!data) notFound();
  const c = t.facts.company;
  const { company, obligated } = data;
  const stated = data.facts.filter((f) => STATED_STATUSES.includes(f.status));
  const checked = data.facts.filter((f) => !STATED_STATUSES.includes(f.status));
  const names = (list: { name: string }[]) => list.map((s) => s.name).join(", ");

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">
        <Link href={localePath(locale, "/companies")} className="underline underline-offset-2">
          {t.facts.companies.title}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold leading-tight sm:text-4xl">{company.name}</h1>
      {company.summary && <p className="mt-3 max-w-prose text-lg">{company.summary}</p>}
      {company.parent && (
        <p className="mt-2">
          {c.partOf}{" "}
          <Link href={localePath(locale, `/companies/${company.parent.slug}`)} className="font-medium text-accent underline underline-offset-2">
            {company.parent.name}
          </Link>
          .
        </p>
      )}
      {data.subsidiaries.length > 0 && <p className="mt-2 text-muted">{format(c.subsidiaries, { names: names(data.subsidiaries) }, locale)}</p>}

      {obligated.awards > 0 && (
        <section aria-labelledby="total-heading" className="mt-6 max-w-prose rounded-lg border border-line bg-accent-soft/40 p-4" data-fact-total={company.slug}>
          <h2 id="total-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
            {t.facts.companies.totalObligated}
          </h2>
          <p className="mt-1 text-4xl font-bold tabular-nums">{formatShortMoney(obligated.amount, obligated.currency, locale)}</p>
          <p className="text-sm text-muted">
            {t.facts.kind.obligated}, {totalDates(obligated.asOf, obligated.asOfLatest, locale, t)} ·{" "}
            {format(t.facts.money.exact, { amount: formatExactMoney(obligated.amount, obligated.currency, locale) }, locale)}
          </p>
          <p className="mt-2">{totalSums(obligated, locale, t)}</p>
          {obligated.fromTransactions > 0 && (
            <p className="mt-1 text-sm text-muted">{format(t.facts.money.fromTransactions, { count: obligated.fromTransactions }, locale)}</p>
          )}
        </section>
      )}

      <section aria-labelledby="campaigns-heading" className="mt-8">
        <h2 id="campaigns-heading" className="text-2xl font-bold">
          {format(c.campaignsHeading, { company: company.name }, locale)}
        </h2>
        {data.campaigns.length === 0 ? (
          <p className="mt-2">{c.noCampaigns}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {data.campaigns.map((campaign) => (
              <li key={campaign.slug}>
                <Link href={localePath(locale, `/campaigns/${campaign.slug}`)} className="inline-flex min-h-11 items-center font-medium text-accent underline underline-offset-2">
                  {campaign.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.byFiscalYear.length > 0 && (
        <section aria-labelledby="chart-heading" className="mt-10">
          <h2 id="chart-heading" className="text-2xl font-bold">
            {c.obligationsHeading}
          </h2>
          <ObligationsChart cells={data.byFiscalYear} locale={locale} t={t} />
          <h3 className="mt-6 text-lg font-semibold">{c.byAgencyHeading}</h3>
          <ul className="mt-2 space-y-1">
            {data.byAgency.map(({ agency, obligated: total }) => (
              <li key={agency.id ?? agency.name}>
                <span className="font-medium">{agency.name}</span>: {formatExactMoney(total.amount, total.currency, locale)}{" "}
                <span className="text-sm text-muted">
                  ({t.facts.kind.obligated}, {format(t.facts.card.awards, { count: total.awards }, locale)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <FactsSection id="facts" heading={c.factsHeading} intro={c.factsIntro} facts={stated} empty={c.noFacts} locale={locale} t={t} />
      {checked.length > 0 && <FactsSection id="checked" heading={c.checkedHeading} intro={c.checkedIntro} facts={checked} locale={locale} t={t} />}

      <section aria-labelledby="awards-heading" id="awards" className="mt-10 scroll-mt-4">
        <h2 id="awards-heading" className="text-2xl font-bold">
          {c.awardsHeading}
        </h2>
        {data.awards.length === 0 ? (
          <p className="mt-2">{c.noAwards}</p>
        ) : (
          <>
            <p className="mt-1 max-w-prose text-muted">{c.awardsIntro}</p>
            <AwardsTable awards={data.awards} locale={locale} t={t} caption={c.awardsHeading} />
          </>
        )}
      </section>

      {data.resold.length > 0 && data.resoldTotal && (
        <section aria-labelledby="resold-heading" className="mt-10">
          <h2 id="resold-heading" className="text-2xl font-bold">
            {c.resoldHeading}
          </h2>
          <p className="mt-1 max-w-prose text-muted">{format(c.resoldIntro, { company: company.name }, locale)}</p>
          <p className="mt-2">
            <span className="font-semibold">{formatExactMoney(data.resoldTotal.amount, data.resoldTotal.currency, locale)}</span>{" "}
            <span className="text-sm text-muted">
              {t.facts.kind.obligated}, {totalDates(data.resoldTotal.asOf, data.resoldTotal.asOfLatest, locale, t)}
            </span>
          </p>
          <AwardsTable awards={data.resold} locale={locale} t={t} caption={c.resoldHeading} />
        </section>
      )}
    </div>
  );
}

function totalSums(total: { awards: number; agencies: { abbreviation: string | null; name: string }[] }, locale: Locale, t: Messages) {
  const agencies = total.agencies.map((a) => a.abbreviation || a.name).filter(Boolean).join(", ");
  return format(t.facts.money.totalSums, { count: total.awards, agencies: agencies || "none" }, locale);
}

function FactsSection({ id, heading, intro, facts, empty, locale, t }: {
  id: string; heading: string; intro: string; facts: FactItem[]; empty?: string; locale: Locale; t: Messages;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="mt-10 scroll-mt-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">{heading}</h2>
      <p className="mt-1 max-w-prose text-muted">{intro}</p>
      {facts.length === 0 && empty ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <ul className="mt-4 grid gap-3 md:grid-cols-2">
          {facts.map((fact) => (
            <li key={fact.key}>
              <FactCard fact={fact} locale={locale} t={t} maxSources={6}>
                <OtherCitations fact={fact} locale={locale} t={t} />
              </FactCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Sources that contradict a claim or give background: named under the card, linked when they can be. */
function OtherCitations({ fact, locale, t }: { fact: FactItem; locale: Locale; t: Messages }) {
  const others = fact.citations.filter((c) => c.role !== "supports");
  if (others.length === 0) return null;
  return (
    <ul className="mt-3 space-y-1 border-t border-line pt-2 text-sm text-muted">
      {others.map((c) => (
        <li key={`${c.role}-${c.source.key}`}>
          {c.role === "contradicts" ? t.facts.card.contradicts : t.facts.card.context}:{" "}
          {c.source.url ? (
            <a href={c.source.url} rel="noopener noreferrer" className="text-accent underline underline-offset-2">
              {sourceLabel(c.source, locale)}
            </a>
          ) : (
            sourceLabel(c.source, locale)
          )}
        </li>
      ))}
    </ul>
  );
}
