// An invitation to join a group: a link to a page where the person, signed in with this
// address, presses a button to join. Opening the link changes nothing.
import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type GroupInviteProps = { locale: "en" | "es"; groupName: string; role: string; acceptUrl: string; days: number };

const roleNames = {
  en: { owner: "owner", organizer: "organizer", member: "member" },
  es: { owner: "responsable", organizer: "organizador(a)", member: "integrante" },
} as const;

const copy = {
  en: {
    subject: (group: string) => `You are invited to ${group} on Cut Ties`,
    preview: "Join your group's workspace on Cut Ties.",
    heading: "You are invited",
    body: (group: string, role: string) => `You are invited to join ${group} on Cut Ties as ${role}.`,
    button: "Open the invitation",
    how: (days: number) => `Sign in with this email address, then press “Join”. The invitation works for ${days} days.`,
    notYou: "If you do not know this group, ignore this email: nothing happens unless you join.",
  },
  es: {
    subject: (group: string) => `Te invitan a ${group} en Cut Ties`,
    preview: "Únete al espacio de trabajo de tu grupo en Cut Ties.",
    heading: "Te invitan",
    body: (group: string, role: string) => `Te invitan a unirte a ${group} en Cut Ties como ${role}.`,
    button: "Abrir la invitación",
    how: (days: number) => `Entra con este correo y pulsa «Unirme». La invitación sirve durante ${days} días.`,
    notYou: "Si no conoces este grupo, ignora este correo: no pasa nada si no te unes.",
  },
} as const;

export function subject(props: Pick<GroupInviteProps, "locale" | "groupName">): string {
  return copy[props.locale].subject(props.groupName);
}

export default function GroupInvite(props: GroupInviteProps) {
  const t = copy[props.locale];
  const role = roleNames[props.locale][props.role as keyof (typeof roleNames)["en"]] ?? props.role;
  return (
    <EmailLayout locale={props.locale} preview={t.preview} heading={t.heading} footer={t.notYou}>
      <Text style={styles.text}>{t.body(props.groupName, role)}</Text>
      <Button href={props.acceptUrl} style={styles.button}>{t.button}</Button>
      <Text style={styles.small}>{t.how(props.days)}</Text>
    </EmailLayout>
  );
}

GroupInvite.PreviewProps = {
  locale: "en",
  groupName: "Cut Ties",
  role: "organizer",
  acceptUrl: "http://localhost:3000/dashboard/invites/preview-token-000000000000000000000000",
  days: 7,
} satisfies GroupInviteProps;
