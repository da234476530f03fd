// The frame every email shares: language, preview line, heading, and a footer that
// says why the email came and, for signers, links to deleting their data.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { format, messages } from "@/lib/i18n";
import { styles } from "./styles";

export function EmailLayout({
  locale,
  preview,
  heading,
  footer,
  deleteUrl,
  kind,
  children,
}: {
  locale: "en" | "es";
  preview: string;
  heading: string;
  /** Replaces the usual "why you got this" line. */
  footer?: string;
  deleteUrl?: string;
  /** The campaign's kind, for a signer's email: the footer names a pledge or a petition. */
  kind?: "petition" | "pledge";
  children: ReactNode;
}) {
  const t = messages(locale).emails.footer;
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>{heading}</Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            {footer ?? format(t.why, { kind: kind ?? "petition" }, locale)}
            {deleteUrl && (
              <>
                {" "}
                <Link href={deleteUrl} style={styles.footerLink}>{t.delete}</Link>
              </>
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
