import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { TEAM, mainPages } from "../a11y/pages";
import { newUser, signUp } from "../fixtures/users";
import { freePort, getFresh, startNext, waitReady } from "../ops/next-server";

/** The script nonce of a Content-Security-Policy header. */
function nonceOf(csp: string | undefined): string {
  const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `no script nonce in ${csp}`).toBeTruthy();
  return nonce ?? "";
}

/** Every <script> tag of a server-rendered page, as written in its HTML. */
function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

/** Collects CSP violations (the DOM event and Chromium's console report) of every document of the page. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test("[SEC]: the main pages run under a nonce-only script policy without a single CSP violation", async ({ page }) => {
  test.slow();
  const violations = await watchCsp(page);

  const signInResponse = await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  const pages = [{ name: "sign-in", path: "/sign-in" }, ...(await mainPages(page))];
  const planPath = pages.find((p) => p.name === "plan-list")?.path ?? "";
  await page.goto(planPath);
  const taskHref = await page
    .locator(`a[href^="${planPath}/tasks/"]:not([href$="/tasks/new"])`)
    .first()
    .getAttribute("href");
  expect(taskHref).toBeTruthy();
  pages.push({ name: "task", path: taskHref ?? "" }, { name: "api-reference", path: `/t/${TEAM}/settings/api-docs` });

  const csp = signInResponse?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  for (const { name, path } of pages) {
    const response = await page.goto(path);
    expect(response?.status(), name).toBe(200);
    await page.waitForLoadState("networkidle");
    const nonce = nonceOf(response?.headers()["content-security-policy"]);
    const tags = scriptTags((await response?.text()) ?? "");
    expect(tags.length, name).toBeGreaterThan(0);
    for (const tag of tags)
      expect(tag, `${name}: a script without this response's nonce`).toContain(`nonce="${nonce}"`);
    if (name === "plan-dashboard") {
      // The charts render in the browser, when scrolled to: they only appear when the app's
      // scripts ran, the chart code loaded after the page among them.
      await page.locator("[data-chart]").first().scrollIntoViewIfNeeded();
      await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    }
  }
  // The client router navigates without a full load too.
  await page.goto(`/t/${TEAM}`);
  await page.getByRole("link", { name: "Members" }).first().click();
  await page.waitForURL(/\/members$/);
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
});

test("[SEC]: every response gets its own nonce, also the API and not-found pages", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const firstNonce = nonceOf(first.headers()["content-security-policy"]);
  const secondNonce = nonceOf(second.headers()["content-security-policy"]);
  expect(firstNonce).not.toBe(secondNonce);
  expect(await first.text()).toContain(`nonce="${firstNonce}"`);
  expect(await second.text()).not.toContain(firstNonce);

  // An HTML page under /api/ (not found) carries the nonce policy like every page.
  const apiNotFound = await request.get("/api/no-such-route");
  expect(apiNotFound.status()).toBe(404);
  const notFoundNonce = nonceOf(apiNotFound.headers()["content-security-policy"]);
  for (const tag of scriptTags(await apiNotFound.text())) expect(tag).toContain(`nonce="${notFoundNonce}"`);

  for (const response of [first, apiNotFound, await request.get("/api/health")]) {
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The server under test is plain http (APP_URL http://…): no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  }
});

test("[SEC]: with an https APP_URL every response carries HSTS", async () => {
  test.slow();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startNext(port, { PORT: String(port), APP_URL: "https://pathwise.example" });
  try {
    await waitReady(baseUrl);
    for (const path of ["/sign-in", "/api/health", "/api/v1/plans"]) {
      const response = await getFresh(`${baseUrl}${path}`);
      expect(response.headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers["content-security-policy"], path).toContain("upgrade-insecure-requests");
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});

test("[SEC]: a server action is refused without its own Origin, and nothing changes", async ({ page, baseURL }) => {
  const user = newUser("origin");
  await signUp(page, user);
  await page.goto("/profile");
  const nameField = page.getByLabel("Display name");
  await expect(nameField).toHaveValue(user.name);

  // Capture the browser's real action request for a new name, and keep it from the server.
  const renamed = `Renamed ${randomBytes(3).toString("hex")}`;
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/profile", async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await nameField.fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute("**/profile");
  const action = captured!;
  expect(action.headers.origin).toBe(new URL(baseURL!).origin);

  const replay = (origin?: string) => {
    const headers = Object.fromEntries(
      Object.entries(action.headers).filter(([key]) => !["origin", "cookie", "content-length", "host"].includes(key)),
    );
    // The page's context sends the session cookie; Origin only when given.
    return page.request.fetch(action.url, {
      method: "POST",
      headers: origin ? { ...headers, origin } : headers,
      data: action.body,
      maxRedirects: 0,
    });
  };
  // The field gets its value when the form hydrates, which can take a moment on a busy machine.
  const expectName = async (name: string) => {
    await page.goto("/profile");
    await expect(page.getByLabel("Display name")).toHaveValue(name);
  };

  expect((await replay()).status()).toBe(403);
  await expectName(user.name);
  expect((await replay("null")).status()).toBe(403);
  expect((await replay("https://evil.example")).status()).toBe(403);
  await expectName(user.name);

  const accepted = await replay(new URL(baseURL!).origin);
  expect(accepted.status()).toBe(200);
  await expectName(renamed);
});
