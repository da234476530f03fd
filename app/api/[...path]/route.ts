import { NextResponse } from "next/server";
import { requestLocale } from "@/lib/api";
import { messages } from "@/lib/i18n";

// Any /api address no route claims: the API's own JSON error, in the caller's language,
// for every method, instead of Next.js's HTML 404 page.
export const dynamic = "force-dynamic";

function unknownAddress(request: Request): NextResponse {
  const t = messages(requestLocale(request));
  return NextResponse.json(
    { error: { code: "not_found", message: t.notFound.api } },
    { status: 404, headers: { "Cache-Control": "no-store", Vary: "Accept-Language" } },
  );
}

export const GET = unknownAddress;
export const HEAD = unknownAddress;
export const POST = unknownAddress;
export const PUT = unknownAddress;
export const PATCH = unknownAddress;
export const DELETE = unknownAddress;
export const OPTIONS = unknownAddress;
