// The sign-in email: a link to a page with one button (opening it signs no one in: mail
// scanners open links first) and the same sign-in as a short code, for another device.
import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type SignInProps = { locale: "en" | "es"; signInUrl: string; code: string; minutes: number };

const copy = {
  en: {
    subject: (code: string) => `Your Cut Ties sign-in code: ${code}`,
    preview: "Sign in to the Cut Ties workspace.",
    heading: "Sign in to Cut Ties",
    button: "Open the sign-in page",
    codeIntro: "Or type this code on the sign-in page:",
    how: (m: number) => `The link and the code work once, for ${m} minutes. The page asks you to press a button before it signs you in.`,
    notYou: "If you did not ask to sign in, ignore this email: no one can sign in without it.",
  },
  es: {
    subject: (code: string) => `Tu código para entrar en Cut Ties: ${code}`,
    preview: "Entra en el espacio de trabajo de Cut Ties.",
    heading: "Entra en Cut Ties",
    button: "Abrir la página de entrada",
    codeIntro: "O escribe este código en la página de entrada:",
    how: (m: number) => `El enlace y el código sirven una sola vez, durante ${m} minutos. La página te pide pulsar un botón antes de entrar.`,
    notYou: "Si no pediste entrar, ignora este correo: nadie puede entrar sin él.",
  },
} as const;

export function subject(props: Pick<SignInProps, "locale" | "code">): string {
  return copy[props.locale].subject(props.code);
}

export default function SignIn(props: SignInProps) {
  const t = copy[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={t.preview} heading={t.heading} footer={t.notYou}>
      <Button href={props.signInUrl} style={styles.button}>{t.button}</Button>
      <Text style={styles.text}>{t.codeIntro}</Text>
      <Text style={{ ...styles.strong, fontSize: "28px", lineHeight: "36px", letterSpacing: "4px" }}>{props.code}</Text>
      <Text style={styles.small}>{t.how(props.minutes)}</Text>
    </EmailLayout>
  );
}

SignIn.PreviewProps = {
  locale: "en",
  signInUrl: "http://localhost:3000/sign-in/link/preview-token-00000000000000000000000000",
  code: "123456",
  minutes: 15,
} satisfies SignInProps;
