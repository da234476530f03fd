"use client";
// The buttons that need the browser: the system share sheet (Signal, SMS, Telegram…
// without any third-party script) and copy. Each appears only where it works: the
// server renders neither, so without JavaScript only the plain links show. Until the
// browser says what works (the server render, the first render in the browser) it renders
// an empty hidden placeholder carrying the words and the link: the light campaign page,
// served without React (lib/light-page.ts), builds the same buttons from it with
// public/campaign-page.js.
import { Copy, Share2 } from "lucide-react";
import { useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};
const useBrowser = <T,>(read: () => T, onServer: T) => useSyncExternalStore(noSubscribe, read, () => onServer);

const buttonClass =
  "inline-flex min-h-11 items-center gap-2 rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover";

export function ShareActions({
  url,
  text,
  title,
  labels,
}: {
  url: string;
  text: string;
  title: string;
  labels: { native: string; copy: string; copied: string };
}) {
  const canShare = useBrowser(() => typeof navigator.share === "function", false);
  const canCopy = useBrowser(() => typeof navigator.clipboard?.writeText === "function" && window.isSecureContext, false);
  const [copied, setCopied] = useState(false);
  if (!canShare && !canCopy) {
    return (
      <div
        hidden
        data-share-actions=""
        data-url={url}
        data-text={text}
        data-title={title}
        data-native={labels.native}
        data-copy={labels.copy}
        data-copied={labels.copied}
      />
    );
  }
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {canShare && (
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            // A cancelled share sheet rejects: nothing to do.
            navigator.share({ title, text, url }).catch(() => {});
          }}
        >
          <Share2 aria-hidden="true" size={18} />
          {labels.native}
        </button>
      )}
      {canCopy && (
        <button
          type="button"
          className={canShare ? buttonClass.replace("bg-accent", "border border-accent bg-white").replace("text-white hover:bg-accent-hover", "text-accent hover:bg-accent-soft") : buttonClass}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
              setTimeout(() => setCopied(false), 2500);
            } catch {
              // Refused (no permission): the link stays selectable by hand.
            }
          }}
        >
          <Copy aria-hidden="true" size={18} />
          <span aria-live="polite">{copied ? labels.copied : labels.copy}</span>
        </button>
      )}
    </div>
  );
}
