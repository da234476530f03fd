import { Mail, MessageCircle, MessageSquare, Share2 } from "lucide-react";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { ShareActions } from "./share-actions";

/**
 * The share panel: the system share sheet and copy where the browser offers them,
 * then plain links (no third-party scripts: each opens the service only when tapped),
 * and the whole link visible and wrapping so it can be copied by hand. Before
 * signing (`personal` false) the words are neutral: nobody has signed yet. After it,
 * they follow the campaign's kind ("I pledged", "I signed").
 */
export function SharePanel({
  url,
  title,
  t,
  personal = false,
  kind,
  locale,
}: {
  url: string;
  title: string;
  t: Messages;
  personal?: boolean;
  kind: "petition" | "pledge";
  locale: Locale;
}) {
  const message = format(personal ? t.share.message : t.share.neutralMessage, { title, kind }, locale);
  const encodedUrl = encodeURIComponent(url);
  const body = encodeURIComponent(`${message} ${url}`);
  const links = [
    { label: t.share.sms, href: `sms:?&body=${body}`, Icon: MessageSquare, external: false },
    { label: t.share.whatsapp, href: `https://wa.me/?text=${body}`, Icon: MessageCircle, external: true },
    { label: t.share.email, href: `mailto:?subject=${encodeURIComponent(title)}&body=${body}`, Icon: Mail, external: false },
    { label: t.share.x, href: `https://x.com/intent/post?text=${encodeURIComponent(message)}&url=${encodedUrl}`, Icon: Share2, external: true },
    { label: t.share.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`, Icon: Share2, external: true },
  ];
  const inputId = personal ? "share-link-personal" : "share-link";
  return (
    <section id={personal ? undefined : "share"} aria-labelledby={`${inputId}-heading`} className="scroll-mt-4 rounded-lg border border-line p-4">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold">
        {personal ? t.share.personalHeading : t.share.heading}
      </h2>
      <ShareActions url={url} text={message} title={title} labels={{ native: t.share.native, copy: t.share.copy, copied: t.share.copied }} />
      <label htmlFor={inputId} className="mt-3 block font-medium">
        {personal ? t.share.personal : t.share.link}
      </label>
      {/* A textarea, not an input: the whole link shows, wrapped, ?ref= and all. */}
      <textarea
        id={inputId}
        readOnly
        value={url}
        rows={2}
        spellCheck={false}
        className="mt-1 block w-full resize-none break-all rounded border border-line bg-zinc-50 px-3 py-2 font-mono text-sm [field-sizing:content]"
      />
      {personal && <p className="mt-1">{format(t.share.personalHint, { kind }, locale)}</p>}
      <ul className="mt-3 flex flex-wrap gap-2">
        {links.map(({ label, href, Icon, external }) => (
          <li key={label}>
            <a
              href={href}
              {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              className="inline-flex min-h-11 items-center gap-2 rounded border border-line px-3 font-medium hover:bg-accent-soft"
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
