import type { Metadata } from "next";

// The workspace (dashboard, admin, sign-in) is for organizers, never for search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>;
}
