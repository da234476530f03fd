// A supporter who leaves fields empty or mistypes is told what to fix beside each
// field, keeps what they typed, and nothing is stored or sent until it is right.
import { CAMPAIGNS, expect, newSigner, test } from "./fixtures";

const fieldError = {
  fullNameRequired: "Enter your full name.",
  fullNameUnsafe: "A name cannot start with = + - @ or contain a web address.",
  emailInvalid: "Enter an email address like name@example.com.",
  postalCodeInvalid: "Use letters, digits, spaces and dashes only (at most 12).",
};

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a supporter makes mistakes and fixes them", async ({ page, mail }) => {
      const signer = newSigner("Ana", "López");
      await page.goto(`/campaigns/${CAMPAIGNS.noJs.slug}`);
      const name = page.getByLabel("Full name");
      const email = page.getByLabel("Email", { exact: true });
      const postalCode = page.getByLabel("Postal code (optional)");
      const comment = page.getByLabel("Comment (optional)");
      const showName = page.getByLabel("Show my first name and last initial on this page");
      const sign = page.getByRole("button", { name: "Sign", exact: true });
      const alert = page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." });

      // Nothing filled in.
      await sign.click();
      await expect(alert).toBeVisible();
      await expect(name).toHaveAttribute("aria-invalid", "true");
      await expect(name).toHaveAccessibleDescription(fieldError.fullNameRequired);
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toHaveAccessibleDescription(new RegExp(fieldError.emailInvalid.replace(/\./g, "\\.")));
      await expect(postalCode).toHaveAttribute("aria-invalid", "false");
      await expect(page.getByText(fieldError.fullNameRequired)).toBeVisible();
      await expect(page.getByText(fieldError.emailInvalid)).toBeVisible();

      // A name, a broken address and postal code: the good fields pass, every value is kept.
      await name.fill(signer.fullName);
      await email.fill("ana@");
      // The optional fields are folded behind one line.
      await page.getByText("More (optional): postal code, comment, updates").click();
      await postalCode.fill("12#45");
      await comment.fill("Keep going!");
      await showName.check();
      await sign.click();
      await expect(alert).toBeVisible();
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(postalCode).toHaveAttribute("aria-invalid", "true");
      await expect(postalCode).toHaveAccessibleDescription(new RegExp(`^${fieldError.postalCodeInvalid.replace(/[.()]/g, "\\$&")}`));
      await expect(name).toHaveAttribute("aria-invalid", "false");
      await expect(page.getByText(fieldError.fullNameRequired)).toHaveCount(0);
      await expect(name).toHaveValue(signer.fullName);
      await expect(email).toHaveValue("ana@");
      await expect(postalCode).toHaveValue("12#45");
      await expect(comment).toHaveValue("Keep going!");
      await expect(showName).toBeChecked();

      // A name that a spreadsheet would run as a formula is refused.
      const formula = `=HYPERLINK("x","${signer.firstName}")`;
      await name.fill(formula);
      await email.fill(signer.email);
      await postalCode.fill("10001");
      await sign.click();
      await expect(alert).toBeVisible();
      await expect(name).toHaveAttribute("aria-invalid", "true");
      await expect(name).toHaveAccessibleDescription(fieldError.fullNameUnsafe);
      await expect(email).toHaveAttribute("aria-invalid", "false");
      await expect(name).toHaveValue(formula);
      await expect(email).toHaveValue(signer.email);
      await expect(page.getByRole("heading", { name: "Check your email" })).toHaveCount(0);

      // Fixed: now it goes through, and the one email greets the corrected name, so the
      // refused attempt was not stored.
      await name.fill(signer.fullName);
      await sign.click();
      await expect(page.getByRole("status").getByRole("heading", { name: "Check your email" })).toBeVisible();
      const [sent, ...more] = await mail.waitFor(signer.email);
      expect(more).toEqual([]);
      expect(sent.text).toContain(`Hi ${signer.firstName},`);
    });
  });
}
