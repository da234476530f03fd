"use client";
// The buttons that need the browser: the system share sheet (Signal, SMS, Telegram…
// without any third-party script) and copy. Each appears only where it works. Both are
// always rendered, hidden until the browser says it can (not on the server, not in the
// first render in the browser), so without JavaScript only the plain links show. The
// light campaign page, served without React (lib/light-page.ts), reveals and wires the
// same hidden buttons with public/campaign-page.js (the data-* attributes are for it).
import { Copy, Share2 } from "lucide-react";
import { useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};
const useBrowser = <T,>(read: () => T, onServer: T) => useSyncExternalStore(noSubscribe, read, () => onServer);

const buttonClass =
  "inline-flex min-h-11 items-center gap-2 rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover";
// Copy beside Share: the second button is outlined.
const secondButtonClass =
  "inline-flex min-h-11 items-center gap-2 rounded border border-accent bg-white px-4 font-semibold text-accent hover:bg-accent-soft";

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
  return (
    <div
      className="mt-3 flex flex-wrap gap-2"
      hidden={!canShare && !canCopy}
      data-share-actions=""
      data-url={url}
      data-text={text}
      data-title={title}
      data-copied={labels.copied}
    >
      <button
        type="button"
        className={buttonClass}
        hidden={!canShare}
        data-share=""
        onClick={() => {
          // A cancelled share sheet rejects: nothing to do.
          navigator.share({ title, text, url }).catch(() => {});
        }}
      >
        <Share2 aria-hidden="true" size={18} />
        {labels.native}
      </button>
      <button
        type="button"
        className={canShare ? secondButtonClass : buttonClass}
        hidden={!canCopy}
        data-copy=""
        data-second-class={secondButtonClass}
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
    </div>
  );
}
