// Sent after someone signs: one button to confirm. No images, no tracking, no third-party
// URLs — the only links are the app's own (confirm, campaign, delete my data).
import { Button, Link, Text } from "@react-email/components";
import { format, messages } from "@/lib/i18n";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type SignatureConfirmationProps = {
  locale: "en" | "es";
  /** The campaign's kind: a pledge's email says "pledge" where a petition's says "signature". */
  kind: "petition" | "pledge";
  firstName: string;
  campaignTitle: string;
  confirmUrl: string;
  campaignUrl: string;
  deleteUrl: string;
};

// The words are in the catalogue (lib/i18n/messages), under the translation check.
const copy = (locale: "en" | "es") => messages(locale).emails;

// Confirmation links last 7 days; unconfirmed signatures are deleted after 30.
const LINK_DAYS = 7;
const KEPT_DAYS = 30;

export function subject(props: Pick<SignatureConfirmationProps, "locale" | "kind" | "campaignTitle">): string {
  return format(copy(props.locale).confirmation.subject, { title: props.campaignTitle, kind: props.kind }, props.locale);
}

export default function SignatureConfirmation(props: SignatureConfirmationProps) {
  const { locale, kind } = props;
  const all = copy(locale);
  const t = all.confirmation;
  const title = { title: props.campaignTitle, kind };
  return (
    <EmailLayout locale={locale} kind={kind} preview={format(t.preview, title, locale)} heading={format(t.heading, { kind }, locale)} deleteUrl={props.deleteUrl}>
      <Text style={styles.text}>{props.firstName ? format(all.greeting, { name: props.firstName }, locale) : all.greetingNoName}</Text>
      <Text style={styles.text}>{format(t.thanks, title, locale)}</Text>
      <Button href={props.confirmUrl} style={styles.button}>{format(t.button, { kind }, locale)}</Button>
      <Text style={styles.text}>{format(t.counts, { days: LINK_DAYS, kind }, locale)}</Text>
      <Text style={styles.small}>
        {t.fallback}
        <br />
        <Link href={props.confirmUrl} style={styles.url}>{props.confirmUrl}</Link>
      </Text>
      <Text style={styles.text}>{format(t.notYou, { days: KEPT_DAYS, kind }, locale)}</Text>
      <Text style={styles.text}>
        <Link href={props.campaignUrl} style={styles.link}>{t.campaign}</Link>
      </Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  locale: "en",
  kind: "petition",
  firstName: "Maribel",
  campaignTitle: "Tell Palantir: end the ICE contracts",
  confirmUrl: "http://localhost:3000/confirm/5f0c2d6e1b9a4c3e8d7f6a5b4c3d2e1f",
  campaignUrl: "http://localhost:3000/c/palantir-end-ice-contracts",
  deleteUrl: "http://localhost:3000/delete/5f0c2d6e1b9a4c3e8d7f6a5b4c3d2e1f",
} satisfies SignatureConfirmationProps;
