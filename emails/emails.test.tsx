// @vitest-environment node
import { describe, expect, it } from "vitest";
import AlreadySigned, { subject as alreadySignedSubject, type AlreadySignedProps } from "./already-signed";
import DataDeletion, { subject as dataDeletionSubject } from "./data-deletion";
import { renderEmail, renderFromTemplate } from "./render";
import SignatureConfirmation, {
  subject as confirmationSubject,
  type SignatureConfirmationProps,
} from "./signature-confirmation";

const base = {
  kind: "petition" as const,
  firstName: "Maribel",
  campaignTitle: "Tell Palantir: end the ICE contracts",
  confirmUrl: "https://cutties.example/confirm/tok_abc123?x=1&y=2",
  campaignUrl: "https://cutties.example/c/palantir",
  deleteUrl: "https://cutties.example/delete/tok_del456",
};

const locales = ["en", "es"] as const;

/** Every absolute URL in an href or src attribute. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
}

describe("SignatureConfirmation", () => {
  for (const locale of locales) {
    it(`renders in ${locale}`, async () => {
      const props: SignatureConfirmationProps = { ...base, locale };
      const { html, text } = await renderEmail(<SignatureConfirmation {...props} />);

      expect(html).toContain(`lang="${locale}"`);
      expect(urlsIn(html)).toContain(base.confirmUrl);
      expect(urlsIn(html)).toContain(base.deleteUrl);
      expect(urlsIn(html)).toContain(base.campaignUrl);
      expect(text).toContain(base.confirmUrl);
      expect(text).toContain(base.deleteUrl);
      expect(text).toContain("Maribel");
      expect(text).toContain(base.campaignTitle);
      expect(text).toContain("30");
      expect(text).toContain("7");

      if (locale === "es") {
        expect(text).toContain("Confirma tu firma");
        expect(text).toContain("Último paso: confirmar mi firma");
        expect(text).toContain("Hola, Maribel:");
        expect(text).toContain("7 días");
        expect(text).toContain("Borrar mis datos");
        expect(text).not.toContain("confirm my signature");
        expect(confirmationSubject(props)).toBe(`Confirma tu firma: ${base.campaignTitle}`);
      } else {
        expect(text).toContain("Confirm your signature");
        expect(text).toContain("Last step: confirm my signature");
        expect(text).toContain("7 days");
        expect(text).toContain("Delete my data");
        expect(text).not.toContain("confirmar mi firma");
        expect(confirmationSubject(props)).toBe(`Confirm your signature: ${base.campaignTitle}`);
      }
    });
  }

  it("says pledge, not signature, for a pledge campaign, in English and Spanish", async () => {
    const en = await renderEmail(<SignatureConfirmation {...base} kind="pledge" locale="en" />);
    expect(confirmationSubject({ ...base, kind: "pledge", locale: "en" })).toBe(`Confirm your pledge: ${base.campaignTitle}`);
    expect(en.text).toContain("Last step: confirm my pledge");
    expect(en.html).toMatch(/<a[^>]*href="https:\/\/cutties\.example\/confirm\/[^"]*"[^>]*>.*Last step: confirm my pledge/s);
    expect(en.text).toContain("Your pledge only counts once you confirm it.");
    expect(en.text).toContain("entered on a Cut Ties pledge.");
    expect(en.text).not.toMatch(/signature|petition/i);

    const es = await renderEmail(<SignatureConfirmation {...base} kind="pledge" locale="es" />);
    expect(confirmationSubject({ ...base, kind: "pledge", locale: "es" })).toBe(`Confirma tu compromiso: ${base.campaignTitle}`);
    expect(es.text).toContain("Último paso: confirmar mi compromiso");
    expect(es.text).toContain("Tu compromiso solo cuenta cuando lo confirmas.");
    expect(es.text).toContain("en un compromiso de Cut Ties.");
    expect(es.text).not.toMatch(/\bfirm|petición/i);
  });

  it("links only to the URLs it was given: no remote images, no tracking, no third parties", async () => {
    const { html } = await renderEmail(<SignatureConfirmation {...base} locale="en" />);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/url\(/i);
    const given = new Set([base.confirmUrl, base.campaignUrl, base.deleteUrl]);
    for (const url of urlsIn(html)) expect(given.has(url)).toBe(true);
  });

  it("greets without a name when there is none", async () => {
    const { text } = await renderEmail(<SignatureConfirmation {...base} firstName="" locale="es" />);
    expect(text).toContain("Hola:");
  });

  it("escapes what signers typed", async () => {
    const { html } = await renderEmail(<SignatureConfirmation {...base} firstName={'<img src="x">'} locale="en" />);
    expect(html).not.toContain('<img src="x">');
  });

  it("renders its PreviewProps", async () => {
    const { html } = await renderEmail(<SignatureConfirmation {...SignatureConfirmation.PreviewProps} />);
    expect(html).toContain(SignatureConfirmation.PreviewProps.confirmUrl);
  });
});

describe("AlreadySigned", () => {
  for (const locale of locales) {
    it(`renders in ${locale}`, async () => {
      const props: AlreadySignedProps = {
        kind: "petition",
        firstName: base.firstName,
        campaignTitle: base.campaignTitle,
        campaignUrl: base.campaignUrl,
        deleteUrl: base.deleteUrl,
        locale,
      };
      const { html, text } = await renderEmail(<AlreadySigned {...props} />);

      expect(html).toContain(`lang="${locale}"`);
      expect(urlsIn(html)).toContain(base.campaignUrl);
      expect(urlsIn(html)).toContain(base.deleteUrl);
      expect(html).not.toMatch(/<img\b/i);
      expect(text).toContain(base.campaignUrl);
      expect(text).toContain(base.deleteUrl);
      expect(text).toContain(base.campaignTitle);

      if (locale === "es") {
        expect(text).toContain("seguramente tú");
        expect(text).toContain("Tu firma ya está registrada");
        expect(text).toContain("Comparte la campaña");
        expect(alreadySignedSubject(props)).toBe(`Ya firmaste: ${base.campaignTitle}`);
      } else {
        expect(text).toContain("probably you");
        expect(text).toContain("Your signature is already recorded");
        expect(text).toContain("Share the campaign");
        expect(alreadySignedSubject(props)).toBe(`You have already signed: ${base.campaignTitle}`);
      }
    });
  }

  it("says pledge, not signature, for a pledge campaign, in English and Spanish", async () => {
    const props = { ...base, kind: "pledge" as const };
    const en = await renderEmail(<AlreadySigned {...props} locale="en" />);
    expect(alreadySignedSubject({ ...props, locale: "en" })).toBe(`You have already pledged: ${base.campaignTitle}`);
    expect(en.text).toContain("Your pledge is already recorded.");
    expect(en.text).not.toMatch(/signature|petition|\bsign\b|signed/i);
    const es = await renderEmail(<AlreadySigned {...props} locale="es" />);
    expect(alreadySignedSubject({ ...props, locale: "es" })).toBe(`Ya te comprometiste: ${base.campaignTitle}`);
    expect(es.text).toContain("Tu compromiso ya está registrado.");
    expect(es.text).not.toMatch(/\bfirm|petición/i);
  });

  it("renders its PreviewProps", async () => {
    const { text } = await renderEmail(<AlreadySigned {...AlreadySigned.PreviewProps} />);
    expect(text).toContain(AlreadySigned.PreviewProps.campaignUrl);
  });
});

describe("DataDeletion", () => {
  it("links to the deletion page in both languages, with no other link", async () => {
    for (const locale of locales) {
      const deleteUrl = `https://cutties.test/${locale}/privacy/delete/tok_123456789012345678901`;
      const { html, text } = await renderEmail(<DataDeletion locale={locale} deleteUrl={deleteUrl} />);
      expect(urlsIn(html)).toEqual([deleteUrl]);
      expect(text).toContain(deleteUrl);
      expect(dataDeletionSubject({ locale })).toBe(locale === "es" ? "Borra tus firmas en Cut Ties" : "Delete your Cut Ties signatures");
    }
  });
});

describe("renderFromTemplate", () => {
  it("fills a once-rendered template exactly as a direct render would, escaping HTML", async () => {
    const props = {
      ...SignatureConfirmation.PreviewProps,
      campaignTitle: `Tell <Palantir> & "friends": it's over`,
      firstName: "Zoë",
    };
    const perMessage = {
      text: ["firstName", "campaignTitle"] as const,
      url: ["confirmUrl", "campaignUrl", "deleteUrl"] as const,
    };
    const fill = (p: typeof props) =>
      renderFromTemplate(SignatureConfirmation, p, perMessage);
    const direct = await renderEmail(<SignatureConfirmation {...props} />);
    const filled = await fill(props);
    // The preview line's invisible padding depends on the preview's length; the rest is identical.
    const unpadded = (html: string) => html.replace(/[\u00a0\u200b-\u200f\ufeff\s]{20,}/g, "~");
    expect(unpadded(filled.html)).toBe(unpadded(direct.html));
    expect(filled.text).toContain(props.campaignTitle);
    expect(filled.text).toContain(props.confirmUrl);
    expect(filled.html).not.toContain("<Palantir>");

    const other = await fill({ ...props, firstName: "Ana" });
    expect(other.html).toContain("Ana");
    expect(other.html).not.toContain("Zoë");

    // An empty name is its own variant: the greeting changes wording, no placeholder is left.
    const unnamed = await fill({ ...props, firstName: "" });
    expect(unnamed.text).toContain("Hi,");
    expect(unnamed.html).not.toMatch(/xxslot/);
  });

  it.each(["Ana $` Pérez", "Ana $' Pérez", "Ana $& Pérez", "$$ $1 $<x>", "xxslotcampaignTitlexx"])(
    "puts a name with replacement patterns (%s) into the email exactly as typed",
    async (firstName) => {
      const props = { ...SignatureConfirmation.PreviewProps, campaignTitle: "Tell Palantir: end it", firstName };
      const { html, text } = await renderFromTemplate(SignatureConfirmation, props, {
        text: ["firstName", "campaignTitle"],
        url: ["confirmUrl", "campaignUrl", "deleteUrl"],
      });
      const direct = await renderEmail(<SignatureConfirmation {...props} />);
      // Both parts are what rendering the template with the name itself gives.
      expect(text).toBe(direct.text);
      expect(text).toContain(`Hi ${firstName},`);
      const unpadded = (h: string) => h.replace(/[\u00a0\u200b-\u200f\ufeff\s]{20,}/g, "~");
      expect(unpadded(html)).toBe(unpadded(direct.html));
    },
  );

  it("keeps templates apart even when a minified build gives them the same name", async () => {
    // In the production build AlreadySigned and DataDeletion were both named "o", with
    // the same fixed props ({ locale }): keyed by name, one was sent as the other.
    const First = (p: { locale: string; url: string }) => <p>first {p.url}</p>;
    const Second = (p: { locale: string; url: string }) => <p>second {p.url}</p>;
    Object.defineProperty(First, "name", { value: "o" });
    Object.defineProperty(Second, "name", { value: "o" });
    const props = { locale: "en", url: "https://example.org/a" };
    expect((await renderFromTemplate(First, props, { url: ["url"] })).text).toContain("first https://example.org/a");
    expect((await renderFromTemplate(Second, props, { url: ["url"] })).text).toContain("second https://example.org/a");
  });
});
