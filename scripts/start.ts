// npm start: PostgreSQL (DATABASE_URL, or an embedded server with its data in
// .data/), migrations, seed, a production build when sources changed, then
// `next start` (with the client-address hook of lib/ops/client-address.cjs
// preloaded). With --multi (npm run start:multi), several instances of one
// build on consecutive ports (PORT, PORT+1 …; INSTANCES, default 2) against the
// one database, sharing AUTH_SECRET: the app keeps no state in process memory
// that matters, so a change made through one instance is seen by the others at
// once. Ctrl-C stops every instance, each finishing its in-flight requests, then
// the embedded database. On the embedded database, pg_dump is made available
// (Debian's postgresql-client-15, installed when missing and running as root),
// the app's daily backup job writes to .data/backups/ (BACKUP_DIR), and a backup
// is taken before new migrations are applied, with the way back printed.
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
  type EmbeddedServer,
} from "./lib/postgres";
import { startDefaultEmbedded } from "./lib/pg-upgrade";
import { pgToolFor } from "./lib/pg-tools";
import { backupBeforeMigrations } from "./lib/pre-migrate-backup";
import { DEMO_USERS } from "../prisma/seed/demo";
import { needsBuild } from "./lib/build";
import { handleStopSignals } from "./lib/signals";
import { loadAuthSecret } from "./lib/auth-secret";
import { nextStartArgs } from "./lib/next-start";

const DATA_DIR = path.join(ROOT, ".data");
const BACKUP_DIR = path.join(DATA_DIR, "backups");
const IS_MULTI = process.argv.includes("--multi");

let embedded: EmbeddedServer | undefined;
const instances: { name: string; port: number; child: ChildProcess }[] = [];
let stopping = false;

function log(message: string) {
  console.log(`[pathwise] ${message}`);
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new StartupError(`${name} must be an integer from ${min} to ${max} (got ${raw}).`);
  return value;
}

async function resolveDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) {
    parseDatabaseUrl(process.env.DATABASE_URL);
    return process.env.DATABASE_URL;
  }
  const port = numberFrom("EMBEDDED_PG_PORT", 54329, 1, 65535);
  log(`Starting the embedded PostgreSQL on port ${port} (data in .data/postgres)…`);
  embedded = await startDefaultEmbedded({ dir: path.join(DATA_DIR, "postgres"), port, database: "pathwise", log });
  await ensureDatabase(embedded.url("postgres"), "pathwise");
  return embedded.url("pathwise");
}

/** Stops every instance (each finishes its in-flight requests; 30 s at most), then the embedded database. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const running = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
  await Promise.all(
    running.map(
      (i) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            i.child.kill("SIGKILL");
            resolve();
          }, 30_000);
          i.child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          i.child.kill("SIGTERM");
        }),
    ),
  );
  if (embedded) {
    log("Stopping the embedded PostgreSQL…");
    await embedded.stop().catch(() => undefined);
  }
  process.exit(code);
}

async function waitHealthy(url: string) {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new StartupError(`${url} did not become ready within a minute.`);
}

async function main() {
  const count = IS_MULTI ? numberFrom("INSTANCES", 2, 1, 16) : 1;
  const basePort = numberFrom("PORT", 3000, 1, 65535 - count + 1);
  const ports = Array.from({ length: count }, (_, i) => basePort + i);
  for (const port of ports) {
    if (await isPortInUse(port, "0.0.0.0")) {
      throw new StartupError(
        IS_MULTI
          ? `Port ${port} is in use. Set PORT to a free range (instances use PORT … PORT+${count - 1}).`
          : `Port ${port} is in use. Stop what runs there or set PORT to another port.`,
      );
    }
  }

  const databaseUrl = await resolveDatabase();
  await assertReachable(databaseUrl);
  if (embedded) {
    // pg_dump matching the embedded server: for the backup below and the app's daily backups.
    const pgDump = await pgToolFor("pg_dump", databaseUrl, log);
    await pgToolFor("pg_restore", databaseUrl, log);
    await backupBeforeMigrations({ databaseUrl, pgDump, dir: BACKUP_DIR, log });
  }
  log("Applying migrations…");
  await migrate(databaseUrl);
  await seed(databaseUrl);

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: loadAuthSecret(),
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(embedded && !process.env.BACKUP_DIR ? { BACKUP_DIR } : {}),
  };
  if (needsBuild()) {
    log("Building the production app (first start or sources changed)…");
    await run("next", ["build"], env);
  }

  for (const [index, port] of ports.entries()) {
    const name = String.fromCharCode(65 + index);
    // The hook preloaded into next start sets the client address from the connection and TRUST_PROXY.
    const args = nextStartArgs(ROOT, port);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code, signal) => {
      if (stopping) return;
      if (IS_MULTI) log(`Instance ${name} (port ${port}) stopped (${signal ?? `exit ${code}`}); stopping the others.`);
      void shutdown(IS_MULTI ? 1 : (code ?? 1));
    });
    instances.push({ name, port, child });
  }
  await Promise.all(ports.map((port) => waitHealthy(`http://localhost:${port}`)));

  if (IS_MULTI) {
    for (const { name, port, child } of instances)
      log(`Instance ${name} (pid ${child.pid}) at http://localhost:${port}`);
    log(
      `${count} instances share one database${embedded ? " (embedded)" : ""}; put a load balancer in front of them. Press Ctrl-C to stop.`,
    );
    return;
  }
  log(`Pathwise is running at http://localhost:${basePort}`);
  if (process.env.SEED_DEMO !== "0") {
    log(
      `Demo sign-in: ${DEMO_USERS.owner.email} / ${DEMO_USERS.owner.password} (member: ${DEMO_USERS.member.email}, same password)`,
    );
  }
  log("Press Ctrl-C to stop.");
}

handleStopSignals(() => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(
    `[pathwise] ${error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  await shutdown(1);
});
