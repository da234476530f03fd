// A stand-in for the system share sheet (navigator.share), which headless Chromium lacks:
// installed before any page script runs, it keeps what each press asked to share.
import type { Page } from "@playwright/test";

export type Shared = { title?: string; text?: string; url?: string };

export async function stubShareSheet(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shared: unknown[] = [];
    (window as unknown as { __shared: unknown[] }).__shared = shared;
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: (data: unknown) => {
        shared.push(data);
        return Promise.resolve();
      },
    });
  });
}

/** What the page asked the share sheet to share, in order. */
export function sharedSoFar(page: Page): Promise<Shared[]> {
  return page.evaluate(() => (window as unknown as { __shared: Shared[] }).__shared);
}
