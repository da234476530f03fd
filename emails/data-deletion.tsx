// Sent when someone asks to delete their data: one button that leads to the page
// where they confirm. The form never says whether the address had signed anything;
// only the mailbox owner gets this link.
import { Button, Text } from "@react-email/components";
import { format, messages } from "@/lib/i18n";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type DataDeletionProps = { locale: "en" | "es"; deleteUrl: string };

// The words are in the catalogue (lib/i18n/messages), under the translation check.
const copy = (locale: "en" | "es") => messages(locale).emails.dataDeletion;

// The deletion link lasts 24 hours.
const LINK_HOURS = 24;

export function subject(props: Pick<DataDeletionProps, "locale">): string {
  return copy(props.locale).subject;
}

export default function DataDeletion(props: DataDeletionProps) {
  const t = copy(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t.preview} heading={t.heading} footer={t.notYou}>
      <Text style={styles.text}>{t.asked}</Text>
      <Button href={props.deleteUrl} style={styles.button}>{t.button}</Button>
      <Text style={styles.small}>{format(t.how, { hours: LINK_HOURS }, props.locale)}</Text>
    </EmailLayout>
  );
}

DataDeletion.PreviewProps = {
  locale: "en",
  deleteUrl: "http://localhost:3000/privacy/delete/preview-token-0000000000000000000",
} satisfies DataDeletionProps;
