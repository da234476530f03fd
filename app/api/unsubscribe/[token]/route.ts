// RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to
// the URL in the List-Unsubscribe header, and the signer is off this campaign's updates
// with no further step. GET changes nothing (link scanners fetch links): it sends the
// person to the unsubscribe page, which has the buttons.
import { NextResponse } from "next/server";
import { appUrl } from "@/lib/env";
import { logError } from "@/lib/errors";
import { unsubscribe } from "@/lib/updates/unsubscribe";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const { token } = await params;
  try {
    const done = await unsubscribe(token, "campaign");
    return NextResponse.json({ unsubscribed: done }, { status: done ? 200 : 404, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logError("one-click unsubscribe", error);
    return NextResponse.json({ error: "unavailable" }, { status: 503 });
  }
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { token } = await params;
  return NextResponse.redirect(`${appUrl}/unsubscribe/${encodeURIComponent(token)}`, 303);
}
