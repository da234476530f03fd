// A local stand-in for the USAspending search API, for tests (no test reaches the
// internet). Only node: built-ins. It answers
//   POST /api/v2/search/spending_by_award/
// in the shape of the API contract (usaspending-api, api_contracts/.../spending_by_award.md):
// { spending_level, limit, results: [...], page_metadata: { page, hasNext, ... }, messages }.
// Like the real API, recipient_search_text matches loosely (here: a name's first word
// anywhere in the recipient's name): "VIGILANT SOLUTIONS" also finds "EVIGILANT.COM INC".
// Faults for the next requests: failNext(n, status) answers an error status; hangNext(n)
// never answers (for timeouts). requests() lists the bodies received.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";

export type StandinAward = {
  internal_id: number;
  generated_internal_id: string;
  "Award ID": string;
  "Recipient Name": string;
  "Recipient UEI": string | null;
  "Award Amount": number | null;
  "Total Outlays": number | null;
  Description: string | null;
  "Start Date": string | null;
  "End Date": string | null;
  "Awarding Agency": string;
  "Awarding Sub Agency": string;
  "Funding Sub Agency": string | null;
  "Contract Award Type": string;
  "Last Modified Date": string;
  agency_slug: string;
};

export function standinAward(n: number, piid: string, recipient: string, amount: number | null, extra: Partial<StandinAward> = {}): StandinAward {
  return {
    internal_id: 100000 + n,
    generated_internal_id: `CONT_AWD_${piid}_7012_-NONE-_-NONE-`,
    "Award ID": piid,
    "Recipient Name": recipient,
    "Recipient UEI": null,
    "Award Amount": amount,
    "Total Outlays": null,
    Description: `TEST AWARD ${n}`,
    "Start Date": "2024-10-15",
    "End Date": "2025-10-14",
    "Awarding Agency": "Department of Homeland Security",
    "Awarding Sub Agency": "U.S. Immigration and Customs Enforcement",
    "Funding Sub Agency": "U.S. Immigration and Customs Enforcement",
    "Contract Award Type": "DEFINITIVE CONTRACT",
    "Last Modified Date": "2025-03-01 10:11:12",
    agency_slug: "department-of-homeland-security",
    ...extra,
  };
}

export type UsaspendingStandin = {
  url: string;
  awards: StandinAward[];
  failNext(count: number, status?: number): void;
  hangNext(count: number): void;
  /** Answers the next requests normally: queue it before a fault meant for a later page. */
  passNext(count: number): void;
  requests(): { page: number; names: string[]; body: Record<string, unknown> }[];
  reset(): void;
  close(): Promise<void>;
};

export async function startUsaspendingStandin(awards: StandinAward[] = []): Promise<UsaspendingStandin> {
  const faults: ({ kind: "fail"; status: number } | { kind: "hang" } | { kind: "pass" })[] = [];
  const received: { page: number; names: string[]; body: Record<string, unknown> }[] = [];
  const sockets = new Set<Socket>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || req.url !== "/api/v2/search/spending_by_award/") return json(res, 404, { detail: "Not found." });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return json(res, 400, { detail: "JSON parse error" });
    }
    const filters = (body.filters ?? {}) as { recipient_search_text?: string[]; award_type_codes?: string[] };
    const names = filters.recipient_search_text ?? [];
    const pageNo = Number(body.page ?? 1);
    const limit = Math.min(Number(body.limit ?? 10), 100);
    received.push({ page: pageNo, names, body });
    const fault = faults.shift();
    if (fault?.kind === "hang") return; // never answered: the client times out
    if (fault?.kind === "fail") return json(res, fault.status, { detail: "Internal Server Error" });
    if (!filters.award_type_codes?.length) return json(res, 422, { detail: "Missing value: 'filters|award_type_codes' is a required field" });
    // Loose, as the real search is: the first word of a name, anywhere in the recipient's name.
    const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
    const wanted = names.map((n) => squash(n.split(/\s+/)[0] ?? "")).filter(Boolean);
    const matching = awards.filter((a) => wanted.some((w) => squash(a["Recipient Name"]).includes(w)));
    const slice = matching.slice((pageNo - 1) * limit, pageNo * limit);
    const last = slice.at(-1);
    json(res, 200, {
      spending_level: "awards",
      limit,
      results: slice,
      page_metadata: {
        page: pageNo,
        hasNext: pageNo * limit < matching.length,
        last_record_unique_id: last?.internal_id ?? null,
        last_record_sort_value: last ? String(last["Award Amount"]) : null,
      },
      messages: ["For searches, time period start and end dates are currently limited to an earliest date of 2007-10-01."],
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    awards,
    failNext: (count, status = 500) => faults.push(...Array.from({ length: count }, () => ({ kind: "fail" as const, status }))),
    hangNext: (count) => faults.push(...Array.from({ length: count }, () => ({ kind: "hang" as const }))),
    passNext: (count) => faults.push(...Array.from({ length: count }, () => ({ kind: "pass" as const }))),
    requests: () => received,
    reset: () => {
      faults.length = 0;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
