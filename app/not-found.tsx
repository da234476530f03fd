// Above every layout: catches the notFound() the [locale] layout throws for a first
// segment that is not a language, which happens only on addresses the proxy does not
// rewrite (those with a file extension: /favicon.ico, /x.php). The same page as an
// unmatched address, app/global-not-found.tsx.
export { default, generateMetadata, viewport } from "./global-not-found";
