// Sent when an address that has already signed signs again. The sign form answers the
// same way either way, so only the mailbox owner learns that this address has signed.
// No images, no tracking, no third-party URLs.
import { Link, Text } from "@react-email/components";
import { format, messages } from "@/lib/i18n";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type AlreadySignedProps = {
  locale: "en" | "es";
  /** The campaign's kind: a pledge's email says "pledge" where a petition's says "signature". */
  kind: "petition" | "pledge";
  firstName: string;
  campaignTitle: string;
  campaignUrl: string;
  deleteUrl: string;
};

// The words are in the catalogue (lib/i18n/messages), under the translation check.
const copy = (locale: "en" | "es") => messages(locale).emails;

export function subject(props: Pick<AlreadySignedProps, "locale" | "kind" | "campaignTitle">): string {
  return format(copy(props.locale).alreadySigned.subject, { title: props.campaignTitle, kind: props.kind }, props.locale);
}

export default function AlreadySigned(props: AlreadySignedProps) {
  const { locale, kind } = props;
  const all = copy(locale);
  const t = all.alreadySigned;
  const title = { title: props.campaignTitle, kind };
  return (
    <EmailLayout locale={locale} kind={kind} preview={format(t.preview, title, locale)} heading={format(t.heading, { kind }, locale)} deleteUrl={props.deleteUrl}>
      <Text style={styles.text}>{props.firstName ? format(all.greeting, { name: props.firstName }, locale) : all.greetingNoName}</Text>
      <Text style={styles.text}>{format(t.again, title, locale)}</Text>
      <Text style={styles.strong}>{format(t.recorded, { kind }, locale)}</Text>
      <Text style={styles.text}>
        {t.share}
        <br />
        <Link href={props.campaignUrl} style={styles.url}>{props.campaignUrl}</Link>
      </Text>
      <Text style={styles.text}>{t.notYou}</Text>
    </EmailLayout>
  );
}

AlreadySigned.PreviewProps = {
  locale: "es",
  kind: "pledge",
  firstName: "Luis",
  campaignTitle: "Tell Palantir: end the ICE contracts",
  campaignUrl: "http://localhost:3000/c/palantir-end-ice-contracts",
  deleteUrl: "http://localhost:3000/delete/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
} satisfies AlreadySignedProps;
