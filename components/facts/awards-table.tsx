// A company's awards: each links to its USAspending page, and its three amounts stay in
// three labelled columns (obligated, current value, ceiling), never added together.
import { ExternalLink } from "lucide-react";
import type { AwardItem } from "@/lib/facts/queries";
import { formatDate, formatExactMoney } from "@/lib/facts/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { agencyLabel } from "./labels";

export function AwardsTable({ awards, locale, t, caption }: { awards: AwardItem[]; locale: Locale; t: Messages; caption: string }) {
  const c = t.facts.company;
  const money = (m: AwardItem["obligated"]) => (m ? formatExactMoney(m.amount, m.currency, locale) : "—");
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-line text-left align-bottom">
            <th scope="col" className="py-2 pr-3">{c.award}</th>
            <th scope="col" className="py-2 pr-3">{c.description}</th>
            <th scope="col" className="py-2 pr-3 text-right">{c.obligated}</th>
            <th scope="col" className="py-2 pr-3 text-right">{c.currentValue}</th>
            <th scope="col" className="py-2 pr-3 text-right">{c.ceiling}</th>
            <th scope="col" className="py-2 text-right">{c.asOf}</th>
          </tr>
        </thead>
        <tbody>
          {awards.map((a) => (
            <tr key={a.awardKey} className="border-b border-line align-top" data-award={a.awardKey}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                {a.permalink ? (
                  <a href={a.permalink} rel="noopener noreferrer" className="inline-flex items-center gap-1 text-accent underline underline-offset-2">
                    <span className="sr-only">{format(c.viewOnUsaspending, { piid: a.piid }, locale)}</span>
                    <span aria-hidden="true">{a.piid}</span>
                    <ExternalLink aria-hidden="true" size={12} />
                  </a>
                ) : (
                  a.piid
                )}
                <span className="mt-1 block text-xs font-normal text-muted">
                  {[agencyLabel(a.agency), a.baseActionDate ? `${c.began} ${formatDate(a.baseActionDate, locale)}` : null].filter(Boolean).join(" · ")}
                </span>
              </th>
              <td className="py-2 pr-3">
                {a.description ?? "—"}
                {a.productOf && (
                  <span className="mt-1 block text-xs font-semibold text-warning">
                    {format(t.facts.money.viaReseller, { product: a.productOf.name, seller: a.company?.name ?? a.recipientName }, locale)}
                  </span>
                )}
                <span className="mt-1 block text-xs text-muted">
                  {c.recipient}: {a.recipientName}
                </span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{money(a.obligated)}</td>
              <td className="py-2 pr-3 text-right tabular-nums text-muted">{money(a.currentValue)}</td>
              <td className="py-2 pr-3 text-right tabular-nums text-muted">{money(a.ceiling)}</td>
              <td className="py-2 text-right whitespace-nowrap">{formatDate(a.asOf, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
