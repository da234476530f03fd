// Mail-capture mode's outbox: the emails the app would have sent, links included.
// Only for a person at this machine (see access.ts); a 404 for everyone else.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { messages } from "@/lib/i18n";
import { listCapturedEmails } from "@/lib/email/outbox";
import { mailboxAccess } from "./access";

export async function generateMetadata(): Promise<Metadata> {
  const { allowed, locale } = await mailboxAccess();
  // Not even the title of the refusal tells a stranger the mailbox exists.
  return { title: allowed ? "Mailbox (mail capture)" : messages(locale).notFound.title, robots: { index: false } };
}

const linkPattern = /(https?:\/\/[^\s)]+)/;

export default async function MailboxPage() {
  if (!(await mailboxAccess()).allowed) notFound();
  const emails = await listCapturedEmails();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <p className="mt-1 text-muted">
        Mail-capture mode: nothing is sent. Set RESEND_API_KEY to send real email. Newest first. Only this machine can open this page.
      </p>
      {emails.length === 0 && <p className="mt-6">No emails yet.</p>}
      <ol className="mt-6 space-y-6">
        {emails.map((e) => (
          <li key={e.id} className="rounded border border-line p-4">
            <p className="text-sm text-muted">
              {e.createdAt.toISOString()} · to {e.to} · {e.status}
            </p>
            <h2 className="mt-1 text-lg font-semibold">{e.subject ?? "(queued, not rendered yet)"}</h2>
            {e.text && (
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">
                {/* split() with a capture group puts the links at the odd indexes */}
                {e.text.split(linkPattern).map((part, i) =>
                  i % 2 === 1 ? (
                    <a key={i} href={part} className="text-accent underline">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
