// Sent when an address that has already signed signs again. The sign form answers the
// same way either way, so only the mailbox owner learns that this address has signed.
// No images, no tracking, no third-party URLs.
import { Link, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type AlreadySignedProps = {
  locale: "en" | "es";
  firstName: string;
  campaignTitle: string;
  campaignUrl: string;
  deleteUrl: string;
};

const copy = {
  en: {
    subject: (title: string) => `You have already signed: ${title}`,
    preview: (title: string) => `Your signature on “${title}” is already recorded. Nothing else to do.`,
    heading: "You have already signed",
    greeting: (name: string) => (name ? `Hi ${name},` : "Hi,"),
    again: (title: string) => `Someone (probably you) just tried to sign “${title}” again with this email address.`,
    recorded: "Your signature is already recorded. There is nothing else to do.",
    share: "Want to do more? Share the campaign with people you trust:",
    notYou: "If it was not you, you can ignore this email. Nothing has changed.",
  },
  es: {
    subject: (title: string) => `Ya firmaste: ${title}`,
    preview: (title: string) => `Tu firma en “${title}” ya está registrada. No tienes que hacer nada más.`,
    heading: "Ya habías firmado",
    greeting: (name: string) => (name ? `Hola, ${name}:` : "Hola:"),
    again: (title: string) => `Alguien (seguramente tú) intentó volver a firmar “${title}” con este correo.`,
    recorded: "Tu firma ya está registrada. No tienes que hacer nada más.",
    share: "¿Quieres hacer algo más? Comparte la campaña con gente de confianza:",
    notYou: "Si no fuiste tú, puedes ignorar este correo. No cambió nada.",
  },
} as const;

export function subject(props: Pick<AlreadySignedProps, "locale" | "campaignTitle">): string {
  return copy[props.locale].subject(props.campaignTitle);
}

export default function AlreadySigned(props: AlreadySignedProps) {
  const t = copy[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={t.preview(props.campaignTitle)} heading={t.heading} deleteUrl={props.deleteUrl}>
      <Text style={styles.text}>{t.greeting(props.firstName)}</Text>
      <Text style={styles.text}>{t.again(props.campaignTitle)}</Text>
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
