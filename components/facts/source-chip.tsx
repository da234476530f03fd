import { ExternalLink } from "lucide-react";
import type { CitationItem } from "@/lib/facts/queries";
import type { Locale } from "@/lib/i18n";
import { sourceLabel } from "./labels";

/** A supporting source that opens in place (no new window: the back button brings the reader back). */
export function SourceChip({ citation, locale, label }: { citation: CitationItem; locale: Locale; label: string }) {
  const text = sourceLabel(citation.source, locale);
  return (
    <a
      href={citation.source.url!}
      rel="noopener noreferrer"
      className="inline-flex min-h-11 max-w-full items-center gap-1.5 rounded-full border border-line px-3 text-sm font-medium text-accent underline-offset-2 hover:bg-accent-soft hover:underline"
      data-source-link=""
    >
      <span className="sr-only">{label}: </span>
      <span className="truncate">{text}</span>
      <ExternalLink aria-hidden="true" size={14} className="shrink-0" />
    </a>
  );
}
