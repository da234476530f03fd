"use client";
import { Copy } from "lucide-react";
import { useState } from "react";

export function CopyLinkButton({ url, label, copiedLabel }: { url: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 2500);
        } catch {
          // Clipboard refused (old browser, no permission): the link stays selectable by hand.
        }
      }}
      className="inline-flex min-h-11 items-center gap-2 rounded bg-accent px-4 text-sm font-semibold text-white hover:bg-accent-hover"
    >
      <Copy aria-hidden="true" size={16} />
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
