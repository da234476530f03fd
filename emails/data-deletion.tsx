// Sent when someone asks to delete their data: one button that leads to the page
// where they confirm. The form never says whether the address had signed anything;
// only the mailbox owner gets this link.
import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type DataDeletionProps = { locale: "en" | "es"; deleteUrl: string };

const copy = {
  en: {
    subject: "Delete your Cut Ties signatures",
    preview: "One button deletes every signature made with this address.",
    heading: "Delete your data",
    asked: "Someone (probably you) asked to delete every signature made on Cut Ties with this email address.",
    button: "Delete my data",
    how: "The link works for 24 hours. Opening it deletes nothing by itself: you confirm on the page.",
    notYou: "If you did not ask for this, ignore this email. Nothing will change.",
  },
  es: {
    subject: "Borra tus firmas en Cut Ties",
    preview: "Un botón borra todas las firmas hechas con este correo.",
    heading: "Borra tus datos",
    asked: "Alguien (seguramente tú) pidió borrar todas las firmas hechas en Cut Ties con este correo.",
    button: "Borrar mis datos",
    how: "El enlace funciona durante 24 horas. Abrirlo no borra nada por sí solo: lo confirmas en la página.",
    notYou: "Si no lo pediste, ignora este correo. No cambiará nada.",
  },
} as const;

export function subject(props: Pick<DataDeletionProps, "locale">): string {
  return copy[props.locale].subject;
}

export default function DataDeletion(props: DataDeletionProps) {
  const t = copy[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={t.preview} heading={t.heading} footer={t.notYou}>
      <Text style={styles.text}>{t.asked}</Text>
      <Button href={props.deleteUrl} style={styles.button}>{t.button}</Button>
      <Text style={styles.small}>{t.how}</Text>
    </EmailLayout>
  );
}

DataDeletion.PreviewProps = {
  locale: "en",
  deleteUrl: "http://localhost:3000/privacy/delete/preview-token-0000000000000000000",
} satisfies DataDeletionProps;
