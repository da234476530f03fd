import "../../globals.css";

export const dynamic = "force-dynamic";

export default function MailboxLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
