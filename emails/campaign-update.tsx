// An organizer's update to a campaign's signers. The body is the organizer's Markdown,
// rendered and sanitized (lib/markdown.ts). No images, no tracking pixels, no tracked
// links. The footer names the sending group and its postal address (CAN-SPAM), and
// carries the unsubscribe page and the data-deletion page.
import { Hr, Link, Text } from "@react-email/components";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

export type CampaignUpdateProps = {
  locale: "en" | "es";
  subject: string;
  /** Sanitized HTML from the organizer's Markdown. */
  bodyHtml: string;
  campaignTitle: string;
  campaignUrl: string;
  groupName: string;
  postalAddress: string;
  unsubscribeUrl: string;
  deleteUrl: string;
};

const copy = {
  en: {
    from: (group: string, title: string) => `An update from ${group} on “${title}”`,
    campaign: "See the campaign",
    why: (title: string) => `You are getting this because you signed “${title}” and asked for updates.`,
    unsubscribe: "Unsubscribe",
    delete: "Delete my data",
  },
  es: {
    from: (group: string, title: string) => `Novedades de ${group} sobre «${title}»`,
    campaign: "Ver la campaña",
    why: (title: string) => `Recibes esto porque firmaste «${title}» y pediste novedades.`,
    unsubscribe: "Darme de baja",
    delete: "Borrar mis datos",
  },
} as const;

export function subject(props: Pick<CampaignUpdateProps, "subject">): string {
  return props.subject;
}

export default function CampaignUpdate(props: CampaignUpdateProps) {
  const t = copy[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={t.from(props.groupName, props.campaignTitle)} heading={props.subject} footer={t.why(props.campaignTitle)}>
      <div style={styles.text} dangerouslySetInnerHTML={{ __html: props.bodyHtml }} />
      <Text style={styles.text}>
        <Link href={props.campaignUrl} style={styles.link}>{t.campaign}</Link>
      </Text>
      <Hr style={styles.hr} />
      <Text style={styles.footer}>
        <Link href={props.unsubscribeUrl} style={styles.footerLink}>{t.unsubscribe}</Link>
        {" · "}
        <Link href={props.deleteUrl} style={styles.footerLink}>{t.delete}</Link>
      </Text>
      <Text style={styles.footer}>
        {props.groupName}
        {props.postalAddress ? ` · ${props.postalAddress}` : ""}
      </Text>
    </EmailLayout>
  );
}

CampaignUpdate.PreviewProps = {
  locale: "en",
  subject: "Amazon answered",
  bodyHtml: "<p>Thank you all. <strong>Amazon</strong> wrote back today.</p>",
  campaignTitle: "Amazon: stop hosting Palantir",
  campaignUrl: "http://localhost:3000/campaigns/amazon-stop-hosting-palantir",
  groupName: "Cut Ties",
  postalAddress: "PO Box 1, Oakland, CA 94601",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/x",
  deleteUrl: "http://localhost:3000/privacy/delete",
} satisfies CampaignUpdateProps;
