// The thank-you page's "You're #N": a signature's place in its campaign's confirmation
// order, counted from the stored rows; unconfirmed and unknown tokens have none.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { confirmSignature, recordSignature } from "./mutations";
import { confirmationNumber, findSignatureForToken } from "./queries";
import { confirmationToken } from "./tokens";

const SLUG = "thomson-reuters-cut-ice-data";
let ip = 0;

async function signAndToken(email: string): Promise<string> {
  const result = await recordSignature({
    campaignSlug: SLUG,
    input: { fullName: "Number Test", email },
    locale: "en",
    clientIp: `198.51.100.${++ip}`,
  });
  expect(result.ok).toBe(true);
  const [row] = await queryRows<{ id: string }>(await getDb(), sql`select id from signatures where email_canonical = ${email}`);
  return confirmationToken(String(row.id));
}

async function confirm(token: string) {
  const page = await findSignatureForToken(token);
  expect(await confirmSignature(token, { showName: false, detailsDigest: page!.detailsDigest })).toMatchObject({ status: "confirmed" });
}

describe("confirmationNumber", () => {
  it("numbers confirmed signatures in the order they were confirmed, not signed", async () => {
    const first = await signAndToken("first-signed@example.org");
    const second = await signAndToken("second-signed@example.org");
    const third = await signAndToken("third-signed@example.org");
    expect(await confirmationNumber(first), "not confirmed yet: no number").toBeNull();

    await confirm(second);
    await confirm(first);
    expect(await confirmationNumber(second)).toBe(1);
    expect(await confirmationNumber(first)).toBe(2);
    expect(await confirmationNumber(third)).toBeNull();
    await confirm(third);
    expect(await confirmationNumber(third)).toBe(3);
    expect(await confirmationNumber("not-a-token")).toBeNull();
  });
});
