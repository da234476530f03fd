// Most supporters arrive on a phone, from a link in a chat.
import { CAMPAIGNS, newSigner, test } from "./fixtures";
import { english, signConfirmAndSeeCount } from "./signing-journey";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: true });

test("a supporter signs on a phone", async ({ page, api, mail }) => {
  await signConfirmAndSeeCount({
    page,
    api,
    mail,
    copy: english,
    ...CAMPAIGNS.phone,
    signer: newSigner("Maribel", "Rojas"),
  });
});
