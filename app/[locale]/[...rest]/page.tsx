import { notFound } from "next/navigation";

// Any address no page claims (/nope, /es/a/b/c, /campaigns/x/y): the proxy has already
// put it under a language, so the 404 renders in that language's layout, with the
// page's CSP nonce, through app/[locale]/not-found.tsx.
export default function UnknownPage(): never {
  notFound();
}
