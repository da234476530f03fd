"use client";
// "You signed this campaign" for a browser that confirmed here. The campaign page is
// one cached copy for every visitor, so this is decided in the browser: the thank-you
// page stores its own address in localStorage (never a cookie, which would take the
// signer out of the page cache), and the campaign page offers the way back to it.
import { useEffect, useSyncExternalStore } from "react";

const key = (slug: string) => `cut-ties:signed:${slug}`;
const noSubscribe = () => () => {};

/** On the thank-you page: remember it for this campaign. */
export function RememberSigned({ slug, path }: { slug: string; path: string }) {
  useEffect(() => {
    try {
      localStorage.setItem(key(slug), path);
    } catch {
      // Storage refused (private mode): the campaign page simply shows the form.
    }
  }, [slug, path]);
  return null;
}

/** On the campaign page: a line back to the thank-you page, above the form. */
export function SignedHere({ slug, text, linkLabel }: { slug: string; text: string; linkLabel: string }) {
  const path = useSyncExternalStore(
    noSubscribe,
    () => {
      try {
        const stored = localStorage.getItem(key(slug));
        // Only a path of this site, never an address someone could plant.
        return stored && /^\/[^/\\]/.test(stored) ? stored : null;
      } catch {
        return null;
      }
    },
    () => null,
  );
  // Hidden until the browser has found the way back (never on the server); the light
  // campaign page (no React) fills in the link and reveals it with public/campaign-page.js.
  return (
    <p
      role="status"
      hidden={!path}
      data-signed-here={slug}
      className="mb-4 rounded-lg border border-success bg-success-soft p-3 font-medium text-success"
    >
      {text}{" "}
      <a href={path ?? undefined} className="underline">
        {linkLabel}
      </a>
    </p>
  );
}
