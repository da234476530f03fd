// The error page's words in both languages, apart from the catalogues: app/[locale]/error.tsx
// is a client component on every page, and importing the catalogues there would ship
// every message of both languages to every browser. en.ts and es.ts include these.
export const pageErrorEn = {
  title: "This page could not load just now",
  body: "Something on our side is briefly out of reach. Nothing you did caused it: please try again in a few seconds.",
  retry: "Try again",
};

export const pageErrorEs: typeof pageErrorEn = {
  title: "Esta página no pudo cargarse ahora",
  body: "Algo de nuestro lado no responde por un momento. No es por nada que hayas hecho: vuelve a intentarlo en unos segundos.",
  retry: "Volver a intentarlo",
};
