import { ExternalLink } from "lucide-react";
import type { CitationItem } from "@/lib/facts/queries";
import type { Locale } from "@/lib/i18n";
import { sourceLabel } from "./labels";

/**
 * A supporting source that opens in place (no new window: the back button brings the
 * reader back); one known only by name (a print report, an undated copy) is named.
 */
export function SourceChip({ citation, locale, label }: { citation: CitationItem; locale: Locale; label: string }) {
  const text = sourceLabel(citation.source, locale);
  if (!citation.source.url) {
    return (
      <span className="inline-flex min-h-11 max-w-full items-center rounded-full border border-dashed border-line px-3 py-1 text-sm" data-source="">
        <span className="sr-only">{label}: </span>
        <span className="break-words">{text}</span>
      </span>
    );
  }
  return (
    <a
      href={citation.source.url!}
      rel="noopener noreferrer"
      className="inline-flex min-h-11 max-w-full items-center py-1 gap-1.5 rounded-full border border-line px-3 text-sm font-medium text-accent underline-offset-2 hover:bg-accent-soft hover:underline"
      data-source=""
      data-source-link=""
    >
      <span className="sr-only">{label}: </span>
      <span className="break-words">{text}</span>
      <ExternalLink aria-hidden="true" size={14} className="shrink-0" />
    </a>
  );
}
