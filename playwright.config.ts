import { defineConfig, devices } from "@playwright/test";
import { MAIL_SINK_DIR, MAIL_SINK_PORT } from "./e2e/fixtures/mail-sink-config";

// Run through `npm test` (or `npm run test:e2e`), which provides a throw-away
// database, a production build and Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Most stories sign up first; on a shared two-core machine a step can take several times its usual time.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    // A trace records every step with snapshots and a screencast, a third of the run's CPU on two
    // cores: on CI only on the retry of a failed test, locally kept for a failure.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // A real SMTP server on loopback: the app mails through it, tests read the mails (e2e/fixtures/mail.ts).
      command: "tsx e2e/fixtures/mail-sink.ts",
      env: { MAIL_SINK_PORT: String(MAIL_SINK_PORT), MAIL_SINK_DIR },
      port: MAIL_SINK_PORT,
      reuseExistingServer: false,
      // Most stories sign up first; on a shared two-core machine a step can take several times its usual time.
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // As npm start runs it: with the hook that sets the client address (lib/ops/client-address.cjs).
      command: `node --require ./lib/ops/client-address-preload.cjs node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      // Links in mails (invitations, resets, sign-ups) point at the server under test.
      env: {
        PORT: String(port),
        APP_URL: baseURL,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_PORT}`,
        // Every test signs up from this one address.
        ACCOUNT_RATE_LIMIT_PER_IP: "100000",
      },
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
