import type { Metadata } from "next";
import Link from "next/link";
import { agencyLabel, totalDates } from "@/components/facts/labels";
import { formatShortMoney } from "@/lib/facts/format";
import { listCompaniesForPage } from "@/lib/facts/page-queries";
import { appUrl } from "@/lib/env";
import { format, formatNumber, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale, t } = await localeParam(params);
  return {
    title: t.facts.companies.title,
    description: t.facts.companies.intro,
    alternates: {
      canonical: `${appUrl}${localePath(locale, "/companies")}`,
      languages: { en: `${appUrl}/companies`, es: `${appUrl}/es/companies` },
    },
  };
}

// A table on wide screens; on a phone each row stacks into a card (the header cells are
// repeated as labels), so nothing needs sideways scrolling.
export default async function CompaniesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  const companies = await listCompaniesForPage(locale);
  const l = t.facts.companies;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-4xl">{l.heading}</h1>
      <p className="mt-4 max-w-2xl text-lg text-muted">{l.intro}</p>
      {companies.length === 0 ? (
        <p className="mt-8">{l.none}</p>
      ) : (
        <table className="mt-8 w-full border-collapse text-left">
          <caption className="sr-only">{l.title}</caption>
          <thead className="hidden md:table-header-group">
            <tr className="border-b-2 border-line align-bottom text-sm">
              <th scope="col" className="py-2 pr-4">{l.company}</th>
              <th scope="col" className="py-2 pr-4">{l.agencies}</th>
              <th scope="col" className="py-2 pr-4 text-right">
                {l.totalObligated}
                <span className="block text-xs font-normal text-muted">{l.totalNote}</span>
              </th>
              <th scope="col" className="py-2 pr-4 text-right">{l.awards}</th>
              <th scope="col" className="py-2">{l.liveCampaigns}</th>
            </tr>
          </thead>
          <tbody>
            {companies.map((c) => {
              const agencies = c.obligated.agencies.map(agencyLabel).filter(Boolean).join(", ");
              return (
                <tr key={c.slug} className="block border-b border-line py-3 md:table-row md:py-0" data-company={c.slug}>
                  <th scope="row" className="block pr-4 text-left align-top md:table-cell md:py-3">
                    <Link href={localePath(locale, `/companies/${c.slug}`)} className="inline-flex min-h-11 items-center text-lg font-semibold text-accent underline underline-offset-2">
                      {c.name}
                    </Link>
                    {c.subsidiaries.length > 0 && (
                      <span className="block text-sm font-normal text-muted">
                        {format(l.includes, { names: c.subsidiaries.map((s) => s.name).join(", ") }, locale)}
                      </span>
                    )}
                  </th>
                  <td className="block pr-4 align-top md:table-cell md:py-3">
                    <span className="font-medium md:hidden">{l.agencies}: </span>
                    {agencies || "—"}
                  </td>
                  <td className="block pr-4 align-top md:table-cell md:py-3 md:text-right">
                    <span className="font-medium md:hidden">{l.totalObligated} ({l.totalNote}): </span>
                    {c.obligated.awards > 0 ? (
                      <>
                        <span className="font-semibold tabular-nums">{formatShortMoney(c.obligated.amount, c.obligated.currency, locale)}</span>
                        <span className="block text-sm text-muted">
                          {t.facts.kind.obligated}, {totalDates(c.obligated.asOf, c.obligated.asOfLatest, locale, t)}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted">{l.noAwards}</span>
                    )}
                  </td>
                  <td className="block pr-4 align-top tabular-nums md:table-cell md:py-3 md:text-right">
                    <span className="font-medium md:hidden">{l.awards}: </span>
                    {formatNumber(locale, c.obligated.awards)}
                  </td>
                  <td className="block align-top md:table-cell md:py-3">
                    <span className="font-medium md:hidden">{l.liveCampaigns}: </span>
                    {c.liveCampaigns.length === 0 ? (
                      <span className="text-muted">{l.noCampaigns}</span>
                    ) : (
                      <ul className="inline md:block">
                        {c.liveCampaigns.map((campaign) => (
                          <li key={campaign.slug} className="md:block">
                            <Link href={localePath(locale, `/campaigns/${campaign.slug}`)} className="inline-flex min-h-11 items-center text-accent underline underline-offset-2 md:min-h-0 md:py-1">
                              {campaign.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
