// Record a signature: the same fields and rules as the sign form. A new and a
// repeated signature get the same 202, so the API never tells who has signed.
import { NextResponse } from "next/server";
import { apiError, requestLocale } from "@/lib/api";
import { clientIp } from "@/lib/client-ip";
import { logError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { recordSignature } from "@/lib/signatures/mutations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const headerLocale = requestLocale(request);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError("invalid", headerLocale, { body: ["invalid"] });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return apiError("invalid", headerLocale);
  const requested = (body as { locale?: unknown }).locale;
  const locale = isLocale(requested) ? requested : headerLocale;
  try {
    const result = await recordSignature({
      campaignSlug: (await params).slug,
      input: body,
      locale,
      clientIp: clientIp(request.headers),
    });
    if (!result.ok) return apiError(result.code, locale, result.fieldErrors);
    return NextResponse.json(
      { data: { status: "pending_confirmation" } },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    logError("api-sign", error);
    return apiError("unexpected", locale);
  }
}
