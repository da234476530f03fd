// The share image: the campaign's title and confirmed count, drawn on the server.
import { ImageResponse } from "next/og";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { format, formatNumber, isLocale, messages } from "@/lib/i18n";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Cut Ties campaign";

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : "en";
  const t = messages(locale);
  const campaign = await getPublicCampaignBySlug(slug, locale);
  const title = campaign?.title ?? t.meta.siteName;
  const count = campaign?.confirmedCount ?? 0;
  const goal = campaign?.goal ?? 100;
  const share = Math.max(2, Math.min(100, Math.round((count / goal) * 100)));
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 64, background: "#ffffff", color: "#18181b" }}>
        <div style={{ display: "flex", fontSize: 36, fontWeight: 700, color: "#4c1d95" }}>{t.meta.siteName}</div>
        <div style={{ display: "flex", fontSize: title.length > 60 ? 60 : 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 48, fontWeight: 700 }}>
            {format(t.progress.count, { count: formatNumber(locale, count) })}
          </div>
          <div style={{ display: "flex", marginTop: 16, width: "100%", height: 24, background: "#e4e4e7", borderRadius: 12 }}>
            <div style={{ display: "flex", width: `${share}%`, height: 24, background: "#4c1d95", borderRadius: 12 }} />
          </div>
        </div>
      </div>
    ),
    size,
  );
}
