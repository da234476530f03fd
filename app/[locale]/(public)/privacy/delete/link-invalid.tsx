import { Notice } from "@/components/notice";
import { localePath, type Locale, type Messages } from "@/lib/i18n";

/** A deletion link that is incomplete, used or expired: say so and offer a new one. */
export function DeletionLinkInvalid({ locale, t }: { locale: Locale; t: Messages }) {
  return (
    <Notice
      title={t.privacy.deleteTitle}
      body={t.privacy.deleteInvalid}
      linkHref={localePath(locale, "/privacy/delete")}
      linkLabel={t.privacy.deleteTitle}
    />
  );
}
