// An organizer starts a group, invites a colleague who joins by pressing a button while
// signed in with the invited address, changes her role, then removes her; the group's
// audit log shows it all. Axe on every page, at a phone's width and a laptop's.
import { baseUrl, expect, Mailbox, newClientIp, test } from "./fixtures";
import { look } from "./axe";
import { signIn } from "./sign-in";

const address = (who: string) => `${who}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 7)}@example.org`;

test("an organizer starts a group, invites a colleague, changes her role and removes her", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const owner = address("owner");
  await signIn(page, owner);
  await expect(page.getByRole("heading", { name: "Your groups" })).toBeVisible();
  await expect(page.getByText("You are not in a group yet.")).toBeVisible();
  await look(page, "dashboard-empty");

  // A mistake first: what was typed stays.
  const name = `Campus Coalition ${Date.now().toString(36)}`;
  await page.getByLabel("Group name").fill(name);
  await page.getByLabel("Campus group").check();
  await page.getByLabel("Contact email").fill("not an address");
  await page.getByRole("button", { name: "Create the group" }).click();
  await expect(page.getByText("Enter a postal address.")).toBeVisible();
  await expect(page.getByLabel("Group name")).toHaveValue(name);
  await expect(page.getByLabel("Campus group")).toBeChecked();
  await look(page, "dashboard-create-error");
  await page.getByLabel("Postal address").fill("PO Box 12\nBerkeley, CA 94701");
  await page.getByLabel("Contact email").fill("coalition@example.org");
  await page.getByRole("button", { name: "Create the group" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveAttribute("href", /\/dashboard\/groups\/campus-coalition-[a-z0-9-]+\/campaigns\/new$/);
  await expect(page.getByText("No campaigns yet.")).toBeVisible();
  await look(page, "group");
  const groupUrl = page.url();

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members", level: 2 })).toBeVisible();
  // The last owner cannot remove herself.
  await page.getByRole("button", { name: `Remove ${owner}` }).click();
  await expect(page.getByText("A group needs at least one owner")).toBeVisible();

  const colleague = address("colleague");
  const mail = new Mailbox();
  await page.getByLabel("Email", { exact: true }).fill(colleague);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke the invitation to ${colleague}` })).toBeVisible();
  await look(page, "members");

  const [invitation] = await mail.waitFor(colleague);
  expect(invitation.subject).toBe(`You are invited to ${name} on Cut Ties`);
  const link = invitation.text?.match(/https?:\/\/\S+\/dashboard\/invites\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();

  // The colleague, in her own browser: the link asks her to sign in, then to press Join.
  const hers = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "X-Forwarded-For": newClientIp() } });
  const colleaguePage = await hers.newPage();
  await colleaguePage.goto(link!);
  await expect(colleaguePage).toHaveURL(/\/sign-in\?next=%2Fdashboard%2Finvites%2F/);
  await signIn(colleaguePage, colleague, { ip: null, via: "link" });
  await expect(colleaguePage.getByRole("heading", { name: `Join ${name}` })).toBeVisible();
  await look(colleaguePage, "invite");
  await colleaguePage.getByRole("button", { name: "Join" }).click();
  await expect(colleaguePage.getByRole("heading", { level: 1, name })).toBeVisible();
  // A plain member sees campaigns, not the audit log nor a "New campaign" link.
  await expect(colleaguePage.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(colleaguePage.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  expect((await colleaguePage.goto(`${groupUrl}/audit`))?.status()).toBe(404);

  // The owner makes her an organizer, then removes her.
  await page.reload();
  await page.getByLabel(`New role for ${colleague}`).selectOption("organizer");
  await page.getByRole("button", { name: `Save: ${colleague}` }).click();
  await expect(page.getByText("Role changed.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: colleague })).toContainText("Organizer");
  await page.getByRole("button", { name: `Remove ${colleague}` }).click();
  await expect(page.getByText("Member removed.")).toBeVisible();
  await expect(page.getByText(colleague)).toHaveCount(0);
  expect((await colleaguePage.goto(groupUrl))?.status()).toBe(404);
  await hers.close();

  await page.getByRole("link", { name: "Audit log" }).click();
  const log = page.getByRole("table");
  for (const what of ["Created the group", "Invited a member", "Joined the group", "Changed a member’s role", "Removed a member", "Signed in"]) {
    await expect(log.getByRole("cell", { name: what, exact: true }).first()).toBeVisible();
  }
  await expect(log).toContainText(colleague);
  await look(page, "audit");

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await look(page, "dashboard");
});

test("the workspace pages are in Spanish too", async ({ page }) => {
  await signIn(page, address("es"), { locale: "es" });
  await expect(page).toHaveURL(/\/es\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Tus grupos" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  await page.getByLabel("Nombre del grupo").fill("Colectivo");
  await page.getByLabel("Dirección postal").fill("Calle 1, Ciudad");
  await page.getByLabel("Correo de contacto").fill("colectivo@example.org");
  await page.getByRole("button", { name: "Crear el grupo" }).click();
  await expect(page).toHaveURL(/\/es\/dashboard\/groups\/colectivo/);
  await expect(page.getByRole("link", { name: "Registro de actividad" })).toBeVisible();
  await look(page, "group-es");
});

test("another group's pages are not found, and signed-out visitors are sent to sign in", async ({ page, request }) => {
  const answer = await request.get(`${baseUrl()}/dashboard/groups/cut-ties/members`, { maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  expect(answer.headers().location).toContain("/sign-in?next=%2Fdashboard%2Fgroups%2Fcut-ties%2Fmembers");
  await signIn(page, address("outsider"));
  for (const p of ["/dashboard/groups/cut-ties", "/dashboard/groups/cut-ties/members", "/dashboard/groups/cut-ties/audit", "/dashboard/groups/%00/audit"]) {
    expect((await page.goto(p))?.status(), p).toBe(404);
  }
  expect((await page.goto("/dashboard/invites/not-a-token"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This invitation no longer works" })).toBeVisible();
  await look(page, "invite-invalid");
});
