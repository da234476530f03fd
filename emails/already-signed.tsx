// Sent when an address that has already signed signs again. The sign form answers the
// same way either way, so only the mailbox owner learns that this address has signed.
// No images, no tracking, no third-party URLs.
import { Link, Text } from "@react-email/components";
import { format, messages } from "@/lib/i18n";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type AlreadySignedProps = {
  locale: "en" | "es";
  firstName: string;
  campaignTitle: string;
  campaignUrl: string;
  deleteUrl: string;
};

// The words are in the catalogue (lib/i18n/messages), under the translation check.
const copy = (locale: "en" | "es") => messages(locale).emails;

export function subject(props: Pick<AlreadySignedProps, "locale" | "campaignTitle">): string {
  return format(copy(props.locale).alreadySigned.subject, { title: props.campaignTitle }, props.locale);
}

export default function AlreadySigned(props: AlreadySignedProps) {
  const { locale } = props;
  const all = copy(locale);
  const t = all.alreadySigned;
  const title = { title: props.campaignTitle };
  return (
    <EmailLayout locale={locale} preview={format(t.preview, title, locale)} heading={t.heading} deleteUrl={props.deleteUrl}>
      <Text style={styles.text}>{props.firstName ? format(all.greeting, { name: props.firstName }, locale) : all.greetingNoName}</Text>
      <Text style={styles.text}>{format(t.again, title, locale)}</Text>
      <Text style={styles.strong}>{t.recorded}</Text>
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
  firstName: "Luis",
  campaignTitle: "Tell Palantir: end the ICE contracts",
  campaignUrl: "http://localhost:3000/c/palantir-end-ice-contracts",
  deleteUrl: "http://localhost:3000/delete/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
} satisfies AlreadySignedProps;
