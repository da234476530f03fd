// The contract-facts panel of a campaign page, between the ask and the story
// (shared/DESIGN.md): each target's obligated total and the campaign's top facts as
// fact cards, every one with a link to its source. A server component reading through
// the short cache: it adds no JavaScript to the page, and nothing when there are no facts.
import Link from "next/link";
import { getCampaignFactsPanel } from "@/lib/facts/page-queries";
import { format, localePath, type Locale, type Messages } from "@/lib/i18n";
import { FactCard, TotalCard } from "@/components/facts/fact-card";

export async function FactCardsSlot({ campaignId, locale, t }: { campaignId: string; locale: Locale; t: Messages }) {
  const panel = await getCampaignFactsPanel(campaignId, locale);
  const totals = panel.targets.filter((target) => target.obligated && target.obligated.awards > 0);
  if (totals.length === 0 && panel.facts.length === 0) return null;
  return (
    <section aria-labelledby="facts-heading" className="mb-10">
      <h2 id="facts-heading" className="text-2xl font-bold">
        {t.facts.panel.heading}
      </h2>
      <p className="mt-1 max-w-prose text-muted">{t.facts.panel.intro}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {totals.map((target) => (
          <li key={`total-${target.slug}`}>
            <TotalCard company={target} total={target.obligated!} locale={locale} t={t} />
          </li>
        ))}
        {panel.facts.map((fact) => (
          <li key={fact.key}>
            <FactCard fact={fact} locale={locale} t={t} maxSources={1} />
          </li>
        ))}
      </ul>
      <ul className="mt-3 flex flex-wrap gap-x-4">
        {panel.targets.map((target) => (
          <li key={target.slug}>
            <Link
              prefetch={false}
              href={localePath(locale, `/companies/${target.slug}`)}
              className="inline-flex min-h-11 items-center font-medium text-accent underline underline-offset-2"
            >
              {format(t.facts.panel.allFacts, { company: target.name }, locale)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
