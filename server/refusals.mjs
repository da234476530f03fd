// What the server answers itself, before Next.js sees a request it would fail on
// (500) or should not read: a short page in the visitor's language, no script, no
// stack trace; JSON in the public API's error shape for /api/ paths.
import { requestLocale } from "./locale.mjs";

// `code`: the public API's error code (lib/errors.ts's set, plus length_required, which only this server gives).
const TEXT = {
  bad_path: {
    status: 400,
    code: "invalid",
    en: ["This address is not valid", "The link has a broken character in it. Check that it was copied whole, or start again from the home page."],
    es: ["Esta dirección no es válida", "El enlace tiene un carácter dañado. Comprueba que se copió entero o vuelve a empezar desde la página de inicio."],
  },
  cross_origin: {
    status: 403,
    code: "forbidden",
    en: ["This form was sent from another site", "For your safety we only accept forms sent from this site's own pages. Open the page here and send it again."],
    es: ["Este formulario se envió desde otro sitio", "Por tu seguridad solo aceptamos formularios enviados desde las páginas de este sitio. Abre la página aquí y vuelve a enviarlo."],
  },
  too_large: {
    status: 413,
    code: "too_large",
    // The API's own words for its own limit (lib/i18n errors.too_large; a test keeps them equal).
    api: {
      en: "That request is too large. Send only the signature's fields.",
      es: "La solicitud es demasiado grande. Envía solo los campos de la firma.",
    },
    en: ["What you sent is too large", "A form or request can carry at most 1 MB. Shorten what you wrote and try again."],
    es: ["Lo que enviaste es demasiado grande", "Un formulario o una solicitud admite como máximo 1 MB. Acorta lo que escribiste e inténtalo de nuevo."],
  },
  length_required: {
    status: 411,
    code: "length_required",
    en: ["The size of what you sent is missing", "Send the request again with a Content-Length header."],
    es: ["Falta el tamaño de lo que enviaste", "Vuelve a enviar la solicitud con una cabecera Content-Length."],
  },
};

const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

const HOME = { en: ["/", "Go to the home page"], es: ["/es", "Ir a la página de inicio"] };

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale, [title, detail]) {
  const [href, home] = HOME[locale];
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Cut Ties</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1c1917}a{color:#b91c1c}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="${href}">${escapeHtml(home)}</a></p></main></body></html>
`;
}

/** The message of a refusal in the public API's JSON. */
export function apiMessage(kind, locale) {
  const { api, ...texts } = TEXT[kind];
  return api?.[locale] ?? `${texts[locale][0]}. ${texts[locale][1]}`;
}

/** Answers `req` with the refusal `kind`; its body, if any, is never handed to anyone. */
export function refuse(req, res, kind) {
  const { status, code, ...texts } = TEXT[kind];
  const locale = requestLocale(req);
  const isApi = (req.url ?? "").startsWith("/api/");
  const body = isApi
    ? JSON.stringify({ error: { code, message: apiMessage(kind, locale) } })
    : page(locale, texts[locale]);
  res.writeHead(status, {
    "Content-Type": isApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Content-Language": locale,
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    Vary: "Accept-Language, Cookie",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  // The client may still be sending the body it was refused for. Closing now would
  // reset the connection before it reads this answer, so the body is read and thrown
  // away, up to a bound past which the connection is cut.
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}
