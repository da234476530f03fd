// The share image: what a link preview shows (WhatsApp, Signal, X…). The campaign's
// kind and target, its title, the ask, and the goal; the confirmed count only once it
// encourages rather than discourages (see LOW_COUNT). Alt text in the page's language.
import { ImageResponse } from "next/og";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { format, isLocale, messages } from "@/lib/i18n";
import { shareImageFonts } from "@/lib/share-image-fonts";

export const size = { width: 1200, height: 630 };
// Drawn at most once a minute per campaign and language (Next keeps the PNG): a viral
// campaign's link previews must not each draw one, and a count a minute old is fine.
export const revalidate = 60;
export const contentType = "image/png";

// Below this many confirmed signatures the image shows the goal alone: "0 firmas" over an
// empty bar tells people nobody cares.
const LOW_COUNT = 10;

type Params = { locale: string; slug: string };

const colors = { ink: "#18181b", muted: "#52525b", accent: "#4c1d95", track: "#e4e4e7" };

/** Cut text that would overflow its lines at a word, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

async function load(params: Params | Promise<Params>) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : "en";
  return { locale, t: messages(locale), campaign: await getPublicCampaignBySlug(slug, locale) };
}

// One image per page; generateImageMetadata is what lets the alt text be the campaign's,
// in the page's language (a constant `alt` export cannot).
export async function generateImageMetadata({ params }: { params: Params | Promise<Params> }) {
  const { locale, t, campaign } = await load(params);
  const alt = campaign
    ? format(
        t.shareImage.alt,
        { title: campaign.title, kind: campaign.kind, targets: campaign.targets.map((x) => x.name).join(", "), goal: campaign.goal },
        locale,
      )
    : t.shareImage.fallbackAlt;
  return [{ id: "card", alt, size, contentType }];
}

export default async function Image({ params }: { params: Promise<Params> }) {
  const { locale, t, campaign } = await load(params);
  const fonts = await shareImageFonts();
  const title = clip(campaign?.title ?? t.meta.tagline, 90);
  const ask = campaign ? clip(campaign.ask, 150) : "";
  const kind = campaign?.kind ?? "petition";
  const count = campaign?.confirmedCount ?? 0;
  const goal = campaign?.goal ?? 100;
  const showCount = campaign !== null && count >= LOW_COUNT;
  const share = Math.max(3, Math.min(100, Math.round((count / goal) * 100)));
  const label = campaign
    ? `${kind === "pledge" ? t.campaign.pledge : t.campaign.petition} · ${campaign.targets.length > 1 ? t.campaign.targets : t.campaign.target}: ${campaign.targets.map((x) => x.name).join(", ")}`
    : "";
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          padding: "56px 72px",
          background: "#ffffff",
          color: colors.ink,
          fontFamily: "Public Sans",
          borderTop: `16px solid ${colors.accent}`,
        }}
      >
        <div style={{ display: "flex", alignItems: "baseline", justifyContent: "space-between", fontSize: 30 }}>
          <span style={{ fontWeight: 700, color: colors.accent }}>{t.meta.siteName}</span>
          <span style={{ color: colors.muted, textTransform: "uppercase", letterSpacing: 1 }}>{clip(label, 50)}</span>
        </div>
        <div style={{ display: "flex", marginTop: 36, fontSize: title.length > 55 ? 58 : 70, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        {ask && (
          <div
            style={{
              display: "flex",
              marginTop: 28,
              paddingLeft: 24,
              borderLeft: `6px solid ${colors.accent}`,
              fontSize: 32,
              lineHeight: 1.3,
              color: colors.muted,
            }}
          >
            {ask}
          </div>
        )}
        <div style={{ display: "flex", flexGrow: 1 }} />
        {showCount ? (
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", alignItems: "baseline", fontSize: 40 }}>
              <span style={{ fontWeight: 700 }}>{format(t.progress.count, { count, kind }, locale)}</span>
              <span style={{ marginLeft: 14, color: colors.muted }}>· {format(t.progress.goalInline, { goal }, locale)}</span>
            </div>
            <div style={{ display: "flex", marginTop: 16, width: "100%", height: 20, background: colors.track, borderRadius: 10 }}>
              <div style={{ display: "flex", width: `${share}%`, height: 20, background: colors.accent, borderRadius: 10 }} />
            </div>
          </div>
        ) : (
          campaign && (
            <div style={{ display: "flex", fontSize: 40, fontWeight: 700 }}>{format(t.shareImage.goal, { goal, kind }, locale)}</div>
          )
        )}
      </div>
    ),
    { ...size, fonts },
  );
}
