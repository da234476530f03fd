import { Notice } from "@/components/notice";
import { localePath, messages } from "@/lib/i18n";
import { mailboxAccess } from "./access";

// The same page as any unknown address, so the mailbox's existence tells a stranger nothing.
export default async function MailboxNotFound() {
  const { locale } = await mailboxAccess();
  const t = messages(locale);
  return <Notice title={t.notFound.title} body={t.notFound.body} linkHref={localePath(locale, "/")} linkLabel={t.nav.home} />;
}
