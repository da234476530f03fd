// The sign form's words for one campaign. The form is a client component and gets words,
// not the ICU formatter: what depends on the campaign's kind (a pledge says "pledge", a
// petition "signature") is filled in here, on the server. Placeholders the form fills
// itself ({email}, {when}) are left as they are.
import { format, type Locale, type Messages } from "@/lib/i18n";

type Kind = "petition" | "pledge";

export function signFormCopy(t: Messages, kind: Kind, locale: Locale): Pick<Messages, "form" | "errors" | "fields"> {
  const fill = (message: string) => format(message, { kind }, locale);
  return {
    form: {
      ...t.form,
      emailHint: fill(t.form.emailHint),
      checkEmail: fill(t.form.checkEmail),
      sentTo: fill(t.form.sentTo),
      fixIntro: fill(t.form.fixIntro),
      rateLimitedFor: fill(t.form.rateLimitedFor),
    },
    errors: {
      ...t.errors,
      closed: fill(t.signErrors.closed),
      rate_limited: fill(t.signErrors.rate_limited),
      unexpected: fill(t.signErrors.unexpected),
    },
    fields: t.fields,
  };
}
