// pg_dump and pg_restore for `npm run db:backup` / `db:restore`: finds the newest
// client tools on this machine, checks them against the server's version, and
// resolves the database (DATABASE_URL, or the embedded one of `npm start`).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT, StartupError, isPortInUse, parseDatabaseUrl, startEmbedded, type EmbeddedServer } from "./postgres";

export type PgTool = { path: string; major: number };

function versionOf(bin: string): number | undefined {
  try {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The newest `pg_dump` or `pg_restore`: from PG_BIN when set, else PATH and /usr/lib/postgresql/<n>/bin. */
export function findPgTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): PgTool | undefined {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(path.join(env.PG_BIN, name));
  else {
    candidates.push(name);
    const debianRoot = "/usr/lib/postgresql";
    if (fs.existsSync(debianRoot))
      for (const version of fs.readdirSync(debianRoot)) candidates.push(path.join(debianRoot, version, "bin", name));
  }
  let best: PgTool | undefined;
  for (const candidate of candidates) {
    const major = versionOf(candidate);
    if (major !== undefined && (!best || major > best.major)) best = { path: candidate, major };
  }
  return best;
}

/** The server's major version (15, 16 …). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
    return Math.floor(Number(rows[0]?.v) / 10000);
  } finally {
    await client.end();
  }
}

/** A tool able to talk to this server (pg_dump refuses servers newer than itself), or a one-line explanation. */
export async function pgToolFor(
  name: "pg_dump" | "pg_restore",
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PgTool> {
  const tool = findPgTool(name, env);
  if (!tool)
    throw new StartupError(
      `${name} not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set PG_BIN to their directory.`,
    );
  const major = await serverMajor(url);
  if (tool.major < major) {
    throw new StartupError(
      `${name} ${tool.major} cannot work with this PostgreSQL ${major} server. Install the PostgreSQL ${major} client tools (postgresql-client-${major}) or set PG_BIN to a directory holding ${name} ${major} or newer.`,
    );
  }
  return tool;
}

/** The libpq environment for a URL: the password goes in PGPASSWORD, not on the command line. */
export function libpqArgs(url: string): { dbname: string; env: Record<string, string> } {
  const u = parseDatabaseUrl(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL tool, passing its output through; rejects on a non-zero exit. */
export function runPgTool(tool: PgTool, args: string[], extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new StartupError(`${path.basename(tool.path)} failed (${signal ?? `exit ${code}`}).`)),
    );
  });
}

export type ScriptDatabase = { url: string; description: string; close: () => Promise<void> };

/** DATABASE_URL, else the embedded database of `npm start` (started for the duration when it is not running). */
export async function scriptDatabase(): Promise<ScriptDatabase> {
  if (process.env.DATABASE_URL) {
    const u = parseDatabaseUrl(process.env.DATABASE_URL);
    return {
      url: process.env.DATABASE_URL,
      description: `${u.pathname.slice(1)} on ${u.host}`,
      close: async () => undefined,
    };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/pathwise`;
  const description = `the embedded database (port ${port})`;
  if (await isPortInUse(port)) return { url, description, close: async () => undefined };
  const dir = path.join(ROOT, ".data", "postgres");
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new StartupError("No database: set DATABASE_URL, or run `npm start` once to create the embedded one.");
  const server: EmbeddedServer = await startEmbedded({ dir, port });
  return { url, description, close: () => server.stop() };
}
