// What the journeys share: the mail stand-in (read what was "sent"), the public API
// (counts before and after), fresh people to sign as, and a client address per test.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions } from "@playwright/test";
import { APP_PORT } from "./servers";

export { expect };

/**
 * Each journey that confirms a signature has a campaign of its own, so counts read
 * "before" and "after" cannot be moved by another test running in parallel.
 */
export const CAMPAIGNS = {
  phone: { slug: "amazon-stop-hosting-palantir", title: "Amazon: stop hosting Palantir’s ICE tools on AWS" },
  noJs: { slug: "palantir-end-falcon-icm", title: "Palantir: end the FALCON and ICM contracts with ICE" },
  spanish: {
    slug: "thomson-reuters-cut-ice-data",
    title: "Thomson Reuters: stop selling people’s data to ICE",
    titleEs: "Thomson Reuters: deja de venderle a ICE datos de las personas",
  },
  pledge: { slug: "no-palantir-careers-pledge", title: "Pledge: I won’t work for Palantir while it works for ICE" },
} as const;
export const ALL_SLUGS = Object.values(CAMPAIGNS).map((c) => c.slug);

export const baseUrl = () => process.env.E2E_BASE_URL ?? `http://localhost:${APP_PORT}`;
const mailUrl = () => {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error("E2E_MAIL_URL is not set: run through `npx playwright test` (the global setup starts the stand-in).");
  return url;
};

const letters = (n: number) =>
  Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join("");

const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

export type Signer = { fullName: string; firstName: string; publicName: string; email: string };

/** A new person: a first name nobody else in the run has, and an address of their own. */
export function newSigner(firstName = "Maribel", lastName = "Rojas", domain = "example.com"): Signer {
  const unique = `${firstName}${letters(5)}`;
  return {
    fullName: `${unique} ${lastName}`,
    firstName: unique,
    publicName: `${unique} ${lastName[0]}.`,
    email: `${ascii(unique).toLowerCase()}.${Date.now().toString(36)}@${domain}`,
  };
}

/** A random private client address (24 random bits: no two in a run share one). */
export function newClientIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${(c % 254) + 1}`;
}

// ---- the mail stand-in -----------------------------------------------------

export type SentEmail = { id: string; to: string[]; subject: string; html?: string; text?: string; receivedAt: number };

export class Mailbox {
  /** Everything the stand-in accepted for addresses containing `to` (case-insensitive). */
  async sentTo(to: string): Promise<SentEmail[]> {
    const response = await fetch(`${mailUrl()}/__sent?to=${encodeURIComponent(to)}`);
    if (!response.ok) throw new Error(`stand-in /__sent answered ${response.status}`);
    return (await response.json()) as SentEmail[];
  }

  /** Waits until at least `count` emails to `to` arrived (the app sends from a job queue). */
  async waitFor(to: string, count = 1, timeout = 30_000): Promise<SentEmail[]> {
    let emails: SentEmail[] = [];
    await expect
      .poll(async () => (emails = await this.sentTo(to)).length, {
        message: `waiting for ${count} email(s) to ${to} at the Resend stand-in`,
        timeout,
        intervals: [250, 250, 500],
      })
      .toBeGreaterThanOrEqual(count);
    return emails;
  }
}

/** The confirmation link of a confirmation email: the same in the text and HTML parts. */
export function confirmLink(email: SentEmail): string {
  const pattern = /https?:\/\/[^\s"<>]+\/campaigns\/[a-z0-9-]+\/confirm\/[A-Za-z0-9_-]+/;
  const fromText = email.text?.match(pattern)?.[0];
  expect(fromText, `a confirmation link in the text part of "${email.subject}"`).toBeTruthy();
  expect(email.html ?? "", "the HTML part carries the same link").toContain(fromText!);
  return fromText!;
}

// ---- the public API ----------------------------------------------------------

export type CampaignJson = {
  slug: string;
  kind: "petition" | "pledge";
  status: string;
  title: string;
  ask: string;
  targets: { slug: string; name: string }[];
  goal: number;
  confirmedCount: number;
};

export type SignBody = {
  fullName?: unknown;
  email?: unknown;
  postalCode?: string;
  showName?: boolean;
  wantsUpdates?: boolean;
  comment?: string;
  ref?: string;
  locale?: string;
};

export class Api {
  constructor(
    private readonly request: APIRequestContext,
    private readonly origin = baseUrl(),
  ) {}

  async campaign(slug: string): Promise<CampaignJson> {
    const response = await this.request.get(`${this.origin}/api/v1/campaigns/${slug}`);
    expect(response.status(), `GET /api/v1/campaigns/${slug}`).toBe(200);
    return ((await response.json()) as { data: CampaignJson }).data;
  }

  async confirmedCount(slug: string): Promise<number> {
    return (await this.campaign(slug)).confirmedCount;
  }

  /** POSTs a signature as a client at `ip`; returns the raw response. */
  sign(slug: string, body: SignBody, options: { ip: string; language?: string }) {
    return this.request.post(`${this.origin}/api/v1/campaigns/${slug}/signatures`, {
      data: body,
      headers: {
        "X-Forwarded-For": options.ip,
        ...(options.language ? { "Accept-Language": options.language } : {}),
      },
    });
  }
}

// ---- rate-limit windows --------------------------------------------------------

/**
 * The app counts hits in fixed windows (floor(now / window)). A test that must see the
 * limit reached waits, if needed, so that its requests all land in one window.
 */
export async function waitForRoomInWindow(windowSeconds: number, neededSeconds = 20): Promise<void> {
  const intoWindow = (Date.now() / 1000) % windowSeconds;
  const left = windowSeconds - intoWindow;
  if (left < neededSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 500));
}

// ---- fixtures --------------------------------------------------------------------

/** Another person on another device: their own context and client address. */
export async function newPersonContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    ...options,
    baseURL: baseUrl(),
    extraHTTPHeaders: { ...options.extraHTTPHeaders, "X-Forwarded-For": newClientIp() },
  });
}

type Fixtures = { mail: Mailbox; api: Api; serverLog: void };

// (The fixture callback is named `provide`, not `use`, so the React hooks lint rule
// does not mistake it for React's use().)
export const test = base.extend<Fixtures>({
  // Every test is a different person on a different connection, so the per-address
  // signing limit (20 per 10 minutes) never couples one journey to another.
  context: async ({ context, extraHTTPHeaders }, provide) => {
    await context.setExtraHTTPHeaders({ ...extraHTTPHeaders, "X-Forwarded-For": newClientIp() });
    await provide(context);
  },
  mail: async ({}, provide) => provide(new Mailbox()),
  api: async ({ request }, provide) => provide(new Api(request)),
  // On failure, the end of the app's log goes into the report.
  serverLog: [
    async ({}, provide, testInfo) => {
      const started = fs.existsSync(process.env.E2E_APP_LOG ?? "") ? fs.statSync(process.env.E2E_APP_LOG!).size : 0;
      await provide();
      const file = process.env.E2E_APP_LOG;
      if (testInfo.status !== testInfo.expectedStatus && file && fs.existsSync(file)) {
        const log = fs.readFileSync(file).subarray(started).toString("utf8").split("\n").slice(-200).join("\n");
        await testInfo.attach("app.log (during this test)", { body: log, contentType: "text/plain" });
      }
    },
    { auto: true },
  ],
});
