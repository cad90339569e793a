// pg_dump and pg_restore for `npm start` and `npm run db:backup` / `db:restore`:
// a tool matching the server (installed from Debian's packages when missing and
// running as root on Debian, like the test script does for Chromium), and the
// database the scripts work on (DATABASE_URL, or the embedded one of `npm start`).
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPgTool, serverMajor, type PgTool, type PgToolName } from "../../lib/backups/pg-tools";
import { ROOT, StartupError, isPortInUse, parseDatabaseUrl } from "./postgres";
import { startDefaultEmbedded } from "./pg-upgrade";

export { findPgTool, serverMajor } from "../../lib/backups/pg-tools";

const isDebian = () => fs.existsSync("/etc/debian_version") && fs.existsSync("/usr/bin/apt-get");

/** Installs postgresql-client-<major> with apt-get; false when not root on Debian or the package does not exist. */
function installDebianClient(major: number, log: (message: string) => void): boolean {
  if (process.getuid?.() !== 0 || !isDebian()) return false;
  const pkg = `postgresql-client-${major}`;
  log(`Installing ${pkg} (pg_dump and pg_restore for PostgreSQL ${major}) with apt-get…`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`, {
      stdio: ["ignore", "ignore", "inherit"],
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * A tool able to work with the server of `url` (pg_dump refuses servers newer
 * than itself), installing Debian's client package when it is missing and this
 * runs as root; else one line saying what to install.
 */
export async function pgToolFor(
  name: PgToolName,
  url: string,
  log: (message: string) => void = console.log,
): Promise<PgTool> {
  const major = await serverMajor(url);
  let tool = findPgTool(name, major);
  if ((!tool || tool.major < major) && !process.env.PG_BIN && installDebianClient(major, log))
    tool = findPgTool(name, major);
  if (!tool)
    throw new StartupError(
      `${name} not found. Install the PostgreSQL ${major} client tools (Debian: apt-get install postgresql-client-${major}) or set PG_BIN to their directory.`,
    );
  if (tool.major < major)
    throw new StartupError(
      `${name} ${tool.major} cannot work with this PostgreSQL ${major} server. Install the PostgreSQL ${major} client tools (postgresql-client-${major}) or set PG_BIN to a directory holding ${name} ${major} or newer.`,
    );
  return tool;
}

export type ScriptDatabase = { url: string; description: string; embedded: boolean; close: () => Promise<void> };

/** DATABASE_URL, else the embedded database of `npm start` (started for the duration when it is not running). */
export async function scriptDatabase(): Promise<ScriptDatabase> {
  if (process.env.DATABASE_URL) {
    const u = parseDatabaseUrl(process.env.DATABASE_URL);
    return {
      url: process.env.DATABASE_URL,
      description: `${u.pathname.slice(1)} on ${u.host}`,
      embedded: false,
      close: async () => undefined,
    };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/pathwise`;
  const description = `the embedded database (port ${port})`;
  if (await isPortInUse(port)) return { url, description, embedded: true, close: async () => undefined };
  const dir = path.join(ROOT, ".data", "postgres");
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new StartupError("No database: set DATABASE_URL, or run `npm start` once to create the embedded one.");
  const server = await startDefaultEmbedded({ dir, port, database: "pathwise", log: console.log });
  return { url, description, embedded: true, close: () => server.stop() };
}
