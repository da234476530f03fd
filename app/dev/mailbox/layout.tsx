import "../../globals.css";
import { mailboxAccess } from "./access";

export const dynamic = "force-dynamic";

export default async function MailboxLayout({ children }: { children: React.ReactNode }) {
  // The mailbox is a developer's tool, in English; its not-found page speaks the visitor's language.
  const { locale } = await mailboxAccess();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
