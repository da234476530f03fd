import "server-only";
// Campaign stories are Markdown written by organizers: rendered with marked, then
// sanitized to a small allow-list (no raw HTML, scripts, styles or images from
// other origins). Results are memoized: a story changes rarely and is read often.
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const cache = new Map<string, string>();
const CACHE_MAX = 200;

export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const raw = marked.parse(source, { async: false, gfm: true, breaks: false });
  const html = sanitizeHtml(raw, {
    allowedTags: ["h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "blockquote", "br", "code", "hr"],
    allowedAttributes: { a: ["href", "title", "rel"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: {
      h1: "h2",
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    },
  });
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(source, html);
  return html;
}
