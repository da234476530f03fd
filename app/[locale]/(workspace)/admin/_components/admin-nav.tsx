import Link from "next/link";
import { adminPath } from "@/lib/auth/paths";
import type { Locale, Messages } from "@/lib/i18n";

const sections = ["queue", "trending", "signatures", "invalidations", "limits", "audit"] as const;
export type AdminSection = (typeof sections)[number];
const paths: Record<AdminSection, string> = {
  queue: "", trending: "/trending", signatures: "/signatures", invalidations: "/invalidations", limits: "/limits", audit: "/audit",
};

/** The admin pages' heading and section links; every admin page starts with it. */
export function AdminHeader({ locale, t, current, title }: { locale: Locale; t: Messages["moderation"]; current: AdminSection; title: string }) {
  return (
    <header className="mb-6 space-y-3">
      <p className="text-sm font-medium text-muted">{t.title}</p>
      <nav aria-label={t.nav.label}>
        <ul className="flex flex-wrap gap-2">
          {sections.map((s) => (
            <li key={s}>
              <Link
                href={adminPath(locale, paths[s])}
                aria-current={s === current ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded border border-line px-3 font-medium hover:bg-accent-soft aria-[current=page]:border-accent aria-[current=page]:bg-accent aria-[current=page]:text-white"
              >
                {t.nav[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h1 className="text-2xl font-bold">{title}</h1>
    </header>
  );
}
