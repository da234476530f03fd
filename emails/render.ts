// Renders a React Email element to both parts of a message. The resend SDK only sets `html`
// when given a `react` element, so the plain-text part is rendered here and sent explicitly.
import { render } from "@react-email/render";
import type { ReactElement } from "react";

// html-to-text upper-cases headings by default; keep them as written (Spanish included).
const headingSelectors = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: headingSelectors } }),
  ]);
  return { html, text };
}

// Rendering a React Email template costs tens of milliseconds; a viral campaign sends
// hundreds of confirmations a second. So each template is rendered once per variant
// with placeholder values and then filled in per message.
const rendered = new Map<string, Promise<{ html: string; text: string }>>();

/** The placeholder to pass as a prop in place of a per-message value. */
export function slot(name: string, kind: "text" | "url" = "text"): string {
  return kind === "url" ? `https://slot.invalid/${name}` : `xxslot${name}xx`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/**
 * Renders `element` (built with slot() values) once per `variant`, then fills the slots
 * with `values`, HTML-escaped in the HTML part. `values` keys are the slot strings.
 */
export async function renderFromTemplate(
  variant: string,
  element: () => ReactElement,
  values: Record<string, string>,
): Promise<{ html: string; text: string }> {
  let template = rendered.get(variant);
  if (!template) {
    template = renderEmail(element());
    template.catch(() => rendered.delete(variant));
    rendered.set(variant, template);
  }
  const { html, text } = await template;
  const fill = (source: string, escape: (s: string) => string) =>
    Object.entries(values).reduce((out, [placeholder, value]) => out.replaceAll(placeholder, escape(value)), source);
  return { html: fill(html, escapeHtml), text: fill(text, (s) => s) };
}
