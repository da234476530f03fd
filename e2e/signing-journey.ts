// The whole double opt-in journey as a supporter lives it, shared by the phone, the
// no-JavaScript and the Spanish specs: home → campaign → sign → email → open the
// link (nothing counted yet) → confirm → personal link → the count went up by one.
import type { Page } from "@playwright/test";
import { baseUrl, confirmLink, expect, type Api, type Mailbox, type Signer } from "./fixtures";

export type JourneyCopy = {
  prefix: "" | "/es";
  readAndSign: string;
  fullName: string;
  email: string;
  showName: string;
  submit: string;
  checkEmail: string;
  emailSubject: string;
  confirmTitle: string;
  confirmButton: string;
  thanks: string;
  personalLink: string;
  recentSigners: string;
  progressLabel: (count: number) => RegExp;
};

export const english: JourneyCopy = {
  prefix: "",
  readAndSign: "Read and sign",
  fullName: "Full name",
  email: "Email",
  showName: "Show my first name and last initial on this page",
  submit: "Sign",
  checkEmail: "Check your email",
  emailSubject: "Confirm your signature",
  confirmTitle: "Confirm your signature",
  confirmButton: "Confirm my signature",
  thanks: "Thank you, your signature counts",
  personalLink: "Your personal link",
  recentSigners: "Recent signers",
  progressLabel: (n) => new RegExp(`^${n} of [\\d,]+ signatures$`),
};

export const spanish: JourneyCopy = {
  prefix: "/es",
  readAndSign: "Leer y firmar",
  fullName: "Nombre completo",
  email: "Correo electrónico",
  showName: "Mostrar mi nombre y la inicial de mi apellido en esta página",
  submit: "Firmar",
  checkEmail: "Revisa tu correo",
  emailSubject: "Confirma tu firma",
  confirmTitle: "Confirma tu firma",
  confirmButton: "Confirmar mi firma",
  thanks: "Gracias, tu firma ya cuenta",
  personalLink: "Tu enlace personal",
  recentSigners: "Firmas recientes",
  progressLabel: (n) => new RegExp(`^${n} de [\\d.,\\s]+ firmas$`),
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The campaign page's count, as a person (and a screen reader) sees it. */
export async function expectCount(page: Page, copy: JourneyCopy, count: number): Promise<void> {
  const bar = page.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", String(count));
  await expect(bar).toHaveAccessibleName(copy.progressLabel(count));
  // The big number above the bar.
  await expect(page.getByRole("main").locator("header p[aria-live]")).toContainText(new RegExp(`^${count}\\b`));
}

export async function signConfirmAndSeeCount(options: {
  page: Page;
  api: Api;
  mail: Mailbox;
  copy: JourneyCopy;
  slug: string;
  title: string;
  signer: Signer;
  /** Where the person starts: "/" (the redirect may take them to /es). */
  start?: string;
}): Promise<{ personalLink: string }> {
  const { page, api, mail, copy, slug, title, signer } = options;
  const campaignPath = `${copy.prefix}/campaigns/${slug}`;
  const before = await api.confirmedCount(slug);

  await page.goto(options.start ?? `${copy.prefix || "/"}`);
  await page.getByRole("link", { name: `${copy.readAndSign}: ${title}` }).click();
  await expect(page).toHaveURL(`${baseUrl()}${campaignPath}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectCount(page, copy, before);

  await page.getByLabel(copy.fullName).fill(signer.fullName);
  await page.getByLabel(copy.email, { exact: true }).fill(signer.email);
  await page.getByLabel(copy.showName).check();
  await page.getByRole("button", { name: copy.submit, exact: true }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: copy.checkEmail })).toBeVisible();

  const [email, ...more] = await mail.waitFor(signer.email);
  expect(more, "one confirmation email").toHaveLength(0);
  expect(email.to).toEqual([signer.email]);
  expect(email.subject.startsWith(copy.emailSubject), `subject "${email.subject}"`).toBe(true);
  const link = confirmLink(email);
  expect(link).toMatch(new RegExp(`^${escape(baseUrl())}${escape(campaignPath)}/confirm/[A-Za-z0-9_-]+$`));

  // Opening the link (as a mail scanner would) confirms nothing: opened again, it
  // still asks, and the count has not moved.
  await page.goto(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: copy.confirmTitle })).toBeVisible();
  const confirm = page.getByRole("button", { name: copy.confirmButton });
  await expect(confirm).toBeVisible();
  expect(await api.confirmedCount(slug), "opening the link alone counts nothing").toBe(before);

  await confirm.click();
  await expect(page.getByRole("heading", { level: 1, name: copy.thanks })).toBeVisible();
  const personal = page.getByRole("textbox", { name: copy.personalLink });
  await expect(personal).toHaveValue(new RegExp(`^${escape(baseUrl())}${escape(campaignPath)}\\?ref=[a-z0-9]{4,16}$`, "i"));
  const personalLink = await personal.inputValue();

  // The signer sees their signature counted at once on the campaign page...
  await page.goto(campaignPath);
  await expectCount(page, copy, before + 1);
  await expect(
    page.getByRole("region", { name: copy.recentSigners }).getByRole("listitem").filter({ hasText: signer.publicName }),
  ).toHaveText(signer.publicName);
  // ...and the API, whose public reads may be a couple of seconds old, catches up.
  await expect
    .poll(() => api.confirmedCount(slug), { message: "the API counts the confirmed signature", timeout: 6_000 })
    .toBe(before + 1);
  return { personalLink };
}
