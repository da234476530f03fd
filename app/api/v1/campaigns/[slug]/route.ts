import { apiError, apiFailure, campaignJson, publicJson, requestLocale } from "@/lib/api";
import { getPublicCampaignBySlug, isCampaignTakenDown } from "@/lib/campaigns/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const locale = requestLocale(request);
  const { slug } = await params;
  let campaign;
  let gone = false;
  try {
    campaign = await getPublicCampaignBySlug(slug, locale);
    if (!campaign) gone = await isCampaignTakenDown(slug);
  } catch (error) {
    return apiFailure("api-campaign", error, locale);
  }
  // A campaign the moderators took down is gone, not unknown: clients can drop it.
  if (!campaign) return apiError(gone ? "gone" : "not_found", locale);
  return publicJson(campaignJson(campaign), locale);
}
