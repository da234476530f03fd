import { Mail, MessageCircle, Share2 } from "lucide-react";
import { format, type Messages } from "@/lib/i18n";
import { CopyLinkButton } from "./copy-link-button";

/** Plain share links, no third-party scripts: each opens the service only when tapped. */
export function SharePanel({
  url,
  title,
  t,
  personal = false,
}: {
  url: string;
  title: string;
  t: Messages;
  personal?: boolean;
}) {
  const message = format(t.share.message, { title });
  const encodedUrl = encodeURIComponent(url);
  const links = [
    { label: t.share.whatsapp, href: `https://wa.me/?text=${encodeURIComponent(`${message} ${url}`)}`, Icon: MessageCircle },
    {
      label: t.share.email,
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${message} ${url}`)}`,
      Icon: Mail,
    },
    { label: t.share.x, href: `https://x.com/intent/post?text=${encodeURIComponent(message)}&url=${encodedUrl}`, Icon: Share2 },
    { label: t.share.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`, Icon: Share2 },
  ];
  const inputId = personal ? "share-link-personal" : "share-link";
  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-line p-4">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold">
        {t.share.heading}
      </h2>
      <label htmlFor={inputId} className="mt-3 block text-sm font-medium">
        {personal ? t.share.personal : t.share.link}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={inputId}
          readOnly
          value={url}
          className="min-h-11 min-w-0 flex-1 rounded border border-line bg-zinc-50 px-3 text-sm"
        />
        <CopyLinkButton url={url} label={t.share.copy} copiedLabel={t.share.copied} />
      </div>
      {personal && <p className="mt-1 text-sm text-muted">{t.share.personalHint}</p>}
      <ul className="mt-3 flex flex-wrap gap-2">
        {links.map(({ label, href, Icon }) => (
          <li key={label}>
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 items-center gap-2 rounded border border-line px-3 text-sm font-medium hover:bg-accent-soft"
            >
              <Icon aria-hidden="true" size={16} />
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
