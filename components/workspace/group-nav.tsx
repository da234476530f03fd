import Link from "next/link";
import type { GroupRole } from "@/db/schema";
import { groupPath } from "@/lib/auth/paths";
import { roleCan, type Permission } from "@/lib/auth/permissions";
import type { Locale, Messages } from "@/lib/i18n";

// A group's sections, each shown only to roles that may open it.
const sections: { key: "campaigns" | "members" | "audit"; path: string; permission: Permission }[] = [
  { key: "campaigns", path: "", permission: "group.read" },
  { key: "members", path: "/members", permission: "group.read" },
  { key: "audit", path: "/audit", permission: "audit.read" },
];

export function GroupNav({
  locale, t, groupSlug, role, current,
}: { locale: Locale; t: Messages["workspace"]["group"]; groupSlug: string; role: GroupRole; current: (typeof sections)[number]["key"] }) {
  return (
    <nav aria-label={t.sections} className="mt-4 border-b border-line">
      <ul className="flex flex-wrap gap-x-1">
        {sections.filter((s) => roleCan(role, s.permission)).map((s) => (
          <li key={s.key}>
            <Link
              href={groupPath(locale, groupSlug, s.path)}
              aria-current={s.key === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center border-b-2 border-transparent px-3 hover:bg-accent-soft aria-[current=page]:border-accent aria-[current=page]:font-semibold"
            >
              {t[s.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
