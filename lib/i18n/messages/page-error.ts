// What app/[locale]/error.tsx shows, in its own small module: the error page is a
// client component, and importing the catalogues there would ship every message of
// the app to every browser. en.ts and es.ts include these, under the translation test.
export const pageErrorMessages = {
  en: {
    title: "This page could not load just now",
    body: "Something on our side is briefly out of reach. Nothing you did caused it: please try again in a few seconds.",
    retry: "Try again",
  },
  es: {
    title: "Esta página no pudo cargarse ahora",
    body: "Algo de nuestro lado no responde por un momento. No es por nada que hayas hecho: vuelve a intentarlo en unos segundos.",
    retry: "Volver a intentarlo",
  },
};
