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
