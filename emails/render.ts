// Renders a React Email element to both parts of a message. The resend SDK only sets `html`
// when given a `react` element, so the plain-text part is rendered here and sent explicitly.
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";

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
// with placeholder values and then filled in per message. Kept per template function,
// not per name: a production build minifies two templates to the same name.
const rendered = new WeakMap<object, Map<string, Promise<{ html: string; text: string }>>>();

function slot(name: string, kind: "text" | "url"): string {
  return kind === "url" ? `https://slot.invalid/${name}` : `xxslot${name}xx`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/**
 * Renders `Template` with `props`, reusing one render per variant: the props named in
 * `perMessage` (text values and URLs) are rendered as placeholders and filled in
 * afterwards, HTML-escaped in the HTML part. Every other prop, and which per-message
 * props are empty (an empty name changes a greeting's wording), picks the variant.
 */
export async function renderFromTemplate<P extends object>(
  Template: (props: P) => ReactElement,
  props: P,
  perMessage: { text?: readonly (keyof P & string)[]; url?: readonly (keyof P & string)[] },
): Promise<{ html: string; text: string }> {
  const slotProps: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  const values: Record<string, string> = {};
  const slotted = new Set<string>();
  const empty: string[] = [];
  for (const kind of ["text", "url"] as const) {
    for (const key of perMessage[kind] ?? []) {
      const value = String(props[key] ?? "");
      if (!value) {
        empty.push(key);
        continue;
      }
      slotted.add(key);
      slotProps[key] = slot(key, kind);
      values[slot(key, kind)] = value;
    }
  }
  const fixed = Object.entries(slotProps).filter(([key]) => !slotted.has(key));
  const variant = `${JSON.stringify(fixed)}|${empty.join(",")}`;
  let variants = rendered.get(Template);
  if (!variants) rendered.set(Template, (variants = new Map()));
  let template = variants.get(variant);
  if (!template) {
    template = renderEmail(createElement(Template, slotProps as P));
    template.catch(() => variants.delete(variant));
    variants.set(variant, template);
  }
  const { html, text } = await template;
  // One pass with a function replacer: a string replacement would read `$&`, `$'` or
  // `$\`` in a person's name as patterns (pasting parts of the template into the email),
  // and one pass per value would fill a placeholder that an earlier value contained.
  const placeholders = Object.keys(values);
  const pattern = placeholders.length
    ? new RegExp(placeholders.sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g")
    : null;
  const fill = (source: string, escape: (s: string) => string) =>
    pattern ? source.replace(pattern, (placeholder) => escape(values[placeholder] ?? placeholder)) : source;
  return { html: fill(html, escapeHtml), text: fill(text, (s) => s) };
}
