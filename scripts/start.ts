// npm start: PostgreSQL (DATABASE_URL, or an embedded server with its data in
// .data/), migrations, seed, a production build when sources changed, then
// `next start`. Ctrl-C stops the app and the embedded database cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import {
  ROOT,
  StartupError,
  assertReachable,
  ensureDatabase,
  isPortInUse,
  migrate,
  parseDatabaseUrl,
  run,
  seed,
  startEmbedded,
  type EmbeddedServer,
} from "./lib/postgres";
import { DEMO_USERS } from "../prisma/seed/demo";
import { needsBuild } from "./lib/build";
import { handleStopSignals } from "./lib/signals";
import { loadAuthSecret } from "./lib/auth-secret";

const DATA_DIR = path.join(ROOT, ".data");

let embedded: EmbeddedServer | undefined;
let app: ChildProcess | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[pathwise] ${message}`);
}

async function resolveDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) {
    parseDatabaseUrl(process.env.DATABASE_URL);
    return process.env.DATABASE_URL;
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`Starting the embedded PostgreSQL on port ${port} (data in .data/postgres)…`);
  embedded = await startEmbedded({ dir: path.join(DATA_DIR, "postgres"), port });
  await ensureDatabase(embedded.url("postgres"), "pathwise");
  return embedded.url("pathwise");
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (embedded) {
    log("Stopping the embedded PostgreSQL…");
    await embedded.stop().catch(() => undefined);
  }
  process.exit(code);
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT must be a port number (got ${process.env.PORT}).`);
  if (await isPortInUse(port, "0.0.0.0")) throw new StartupError(`Port ${port} is in use. Stop what runs there or set PORT to another port.`);

  const databaseUrl = await resolveDatabase();
  await assertReachable(databaseUrl);
  log("Applying migrations…");
  await migrate(databaseUrl);
  await seed(databaseUrl);

  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: loadAuthSecret(), AUTH_TRUST_HOST: "true", NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  if (needsBuild()) {
    log("Building the production app (first start or sources changed)…");
    await run("next", ["build"], env);
  }

  app = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
  app.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  app.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });

  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`Pathwise is running at ${url}`);
  if (process.env.SEED_DEMO !== "0") {
    log(`Demo sign-in: ${DEMO_USERS.owner.email} / ${DEMO_USERS.owner.password} (member: ${DEMO_USERS.member.email}, same password)`);
  }
  log("Press Ctrl-C to stop.");
}

handleStopSignals(() => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`[pathwise] ${error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
});
