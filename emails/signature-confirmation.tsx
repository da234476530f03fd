// Sent after someone signs: one button to confirm. No images, no tracking, no third-party
// URLs — the only links are the app's own (confirm, campaign, delete my data).
import { Button, Link, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type SignatureConfirmationProps = {
  locale: "en" | "es";
  firstName: string;
  campaignTitle: string;
  confirmUrl: string;
  campaignUrl: string;
  deleteUrl: string;
};

const copy = {
  en: {
    subject: (title: string) => `Confirm your signature: ${title}`,
    preview: (title: string) => `One step left: confirm your signature on “${title}”.`,
    heading: "Confirm your signature",
    greeting: (name: string) => (name ? `Hi ${name},` : "Hi,"),
    thanks: (title: string) => `Thank you for signing “${title}”. One step left: confirm that this email address is yours.`,
    button: "Last step: confirm my signature",
    counts:
      "Your signature only counts once you confirm it. The link works for 7 days. Opening it changes nothing by itself: you confirm by pressing the button on the page.",
    fallback: "If the button does not work, copy this link into your browser:",
    notYou:
      "Did not sign? Ignore this email. An unconfirmed signature is never counted, and nothing is kept after 30 days.",
    campaign: "Read the campaign",
  },
  es: {
    subject: (title: string) => `Confirma tu firma: ${title}`,
    preview: (title: string) => `Falta un solo paso: confirma tu firma en “${title}”.`,
    heading: "Confirma tu firma",
    greeting: (name: string) => (name ? `Hola, ${name}:` : "Hola:"),
    thanks: (title: string) => `Gracias por firmar “${title}”. Solo falta un paso: confirmar que este correo es tuyo.`,
    button: "Último paso: confirmar mi firma",
    counts:
      "Tu firma solo cuenta cuando la confirmas. El enlace funciona durante 7 días. Abrirlo no cambia nada por sí solo: para confirmar, tienes que presionar el botón en la página.",
    fallback: "Si el botón no funciona, copia este enlace en tu navegador:",
    notYou:
      "¿No firmaste? Ignora este correo. Una firma sin confirmar nunca se cuenta y no guardamos nada después de 30 días.",
    campaign: "Ver la campaña",
  },
} as const;

export function subject(props: Pick<SignatureConfirmationProps, "locale" | "campaignTitle">): string {
  return copy[props.locale].subject(props.campaignTitle);
}

export default function SignatureConfirmation(props: SignatureConfirmationProps) {
  const t = copy[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={t.preview(props.campaignTitle)} heading={t.heading} deleteUrl={props.deleteUrl}>
      <Text style={styles.text}>{t.greeting(props.firstName)}</Text>
      <Text style={styles.text}>{t.thanks(props.campaignTitle)}</Text>
      <Button href={props.confirmUrl} style={styles.button}>{t.button}</Button>
      <Text style={styles.text}>{t.counts}</Text>
      <Text style={styles.small}>
        {t.fallback}
        <br />
        <Link href={props.confirmUrl} style={styles.url}>{props.confirmUrl}</Link>
      </Text>
      <Text style={styles.text}>{t.notYou}</Text>
      <Text style={styles.text}>
        <Link href={props.campaignUrl} style={styles.link}>{t.campaign}</Link>
      </Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  locale: "en",
  firstName: "Maribel",
  campaignTitle: "Tell Palantir: end the ICE contracts",
  confirmUrl: "http://localhost:3000/confirm/5f0c2d6e1b9a4c3e8d7f6a5b4c3d2e1f",
  campaignUrl: "http://localhost:3000/c/palantir-end-ice-contracts",
  deleteUrl: "http://localhost:3000/delete/5f0c2d6e1b9a4c3e8d7f6a5b4c3d2e1f",
} satisfies SignatureConfirmationProps;
