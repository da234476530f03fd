// The sign form and the confirm button are plain form POSTs underneath: the whole
// journey works with JavaScript off (old phones, strict privacy settings).
import { CAMPAIGNS, newSigner, test } from "./fixtures";
import { english, signConfirmAndSeeCount } from "./signing-journey";

test.use({ javaScriptEnabled: false });

test("a supporter signs without JavaScript", async ({ page, api, mail }) => {
  await signConfirmAndSeeCount({
    page,
    api,
    mail,
    copy: english,
    ...CAMPAIGNS.noJs,
    signer: newSigner("Tomás", "Herrera"),
  });
});
