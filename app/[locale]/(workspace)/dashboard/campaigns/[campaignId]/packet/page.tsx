import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignTabs } from "@/components/workspace/campaign-tabs";
import { PrintButton } from "@/components/signers/print-button";
import { requireCampaign } from "@/lib/auth/guard";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { confirmedCount } from "@/lib/signatures/counts";
import { getPacket } from "@/lib/signers/queries";
import { getCampaignFactsPanel } from "@/lib/facts/page-queries";
import { FactCard, TotalCard } from "@/components/facts/fact-card";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.signers.packet.title };
}

// On paper only the packet itself: whatever the layouts put around it (site and workspace
// headers, notices, tabs, buttons) is hidden, and the packet starts at the top of the page.
const printStyles = `@media print {
  body * { visibility: hidden; }
  .packet, .packet * { visibility: visible; }
  .packet { position: absolute; inset: 0 auto auto 0; width: 100%; }
  @page { margin: 18mm; }
  .packet-names { columns: 3; font-size: 10pt; }
  /* A source on paper is its address. */
  .packet a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; word-break: break-all; }
}`;

export default async function PacketPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign, group } = await requireCampaign(locale, campaignId, "campaigns.read");
  const [packet, count, facts] = await Promise.all([
    getPacket({ campaignId: campaign.id, groupId: group.id }, locale),
    confirmedCount(campaign.id),
    getCampaignFactsPanel(campaign.id, locale),
  ]);
  const totals = facts.targets.filter((target) => target.obligated && target.obligated.awards > 0);
  if (!packet) notFound();
  const tp = t.signers.packet;
  const listFormat = new Intl.ListFormat(locale === "es" ? "es-US" : "en-US", { type: "conjunction" });
  const today = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "long" }).format(new Date());
  const more = packet.shownTotal - packet.firstNames.length;

  return (
    <div>
      <style>{printStyles}</style>
      <div className="print:hidden">
        <p className="text-sm text-muted">{group.name}</p>
        <h1 className="text-2xl font-bold">{tp.title}</h1>
        <CampaignTabs locale={locale} t={t} campaignId={campaign.id} role={group.role} current="packet" />
        <p className="mt-4 max-w-3xl">{tp.intro}</p>
        <div className="mt-3"><PrintButton label={tp.print} /></div>
      </div>

      <article aria-labelledby="packet-title" className="packet mt-8 max-w-3xl rounded-lg border border-line p-8 print:mt-0 print:max-w-none print:border-0 print:p-0">
        <p className="text-lg text-muted">{packet.targets.length ? format(tp.to, { targets: listFormat.format(packet.targets) }, locale) : tp.toNobody}</p>
        <h2 id="packet-title" className="mt-1 text-3xl font-bold">{packet.title}</h2>

        <section aria-labelledby="packet-ask" className="mt-6">
          <h3 id="packet-ask" className="text-lg font-semibold">{tp.ask}</h3>
          <p className="mt-1 text-xl">{packet.ask}</p>
        </section>

        <p className="mt-6 text-4xl font-bold tabular-nums">{format(tp.count, { count }, locale)}</p>

        {/* The contract facts for the target, as the campaign page shows them: each with its source. */}
        <section aria-labelledby="packet-facts" className="mt-8" data-slot="facts">
          <h3 id="packet-facts" className="text-lg font-semibold">{tp.facts}</h3>
          {totals.length === 0 && facts.facts.length === 0 ? (
            <p className="mt-1 text-muted">{tp.factsNone}</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-muted">{tp.factsIntro}</p>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
                {totals.map((target) => (
                  <li key={`total-${target.slug}`} className="break-inside-avoid">
                    <TotalCard company={target} total={target.obligated!} locale={locale} t={t} />
                  </li>
                ))}
                {facts.facts.map((fact) => (
                  <li key={fact.key} className="break-inside-avoid">
                    <FactCard fact={fact} locale={locale} t={t} maxSources={1} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="packet-names" className="mt-8">
          <h3 id="packet-names" className="text-lg font-semibold">{tp.names}</h3>
          {packet.namesHidden ? <p className="mt-1">{tp.namesHidden}</p>
            : packet.shownTotal === 0 ? <p className="mt-1">{tp.namesNone}</p>
              : (
                <>
                  <p className="mt-1 text-muted">{format(tp.namesNote, { count: packet.shownTotal }, locale)}</p>
                  <p className="packet-names mt-3 leading-relaxed sm:columns-3">{packet.firstNames.join(", ")}</p>
                  {more > 0 && <p className="mt-2">{format(tp.namesMore, { count: more }, locale)}</p>}
                </>
              )}
        </section>

        <p className="mt-10 text-sm text-muted">{format(tp.footer, { date: today }, locale)}</p>
      </article>
    </div>
  );
}
