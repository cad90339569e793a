// pg_dump and pg_restore, shared by the backup scripts and the backup jobs: finds
// the newest client tools on this machine and runs them with the password in the
// environment rather than on the command line.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type PgTool = { path: string; major: number };
export type PgToolName = "pg_dump" | "pg_restore";

/** Where Debian installs each major version's client tools. */
export const DEBIAN_PG_ROOT = "/usr/lib/postgresql";

function versionOf(bin: string): number | undefined {
  try {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client tool for a server of `serverMajor`: from PG_BIN when set, else the
 * one of the same major version (Debian's /usr/lib/postgresql/<n>/bin), else the
 * newest found on PATH or there. pg_dump refuses servers newer than itself.
 */
export function findPgTool(
  name: PgToolName,
  serverMajor?: number,
  env: NodeJS.ProcessEnv = process.env,
): PgTool | undefined {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(path.join(env.PG_BIN, name));
  else {
    candidates.push(name);
    if (fs.existsSync(DEBIAN_PG_ROOT))
      for (const version of fs.readdirSync(DEBIAN_PG_ROOT))
        candidates.push(path.join(DEBIAN_PG_ROOT, version, "bin", name));
  }
  let best: PgTool | undefined;
  for (const candidate of candidates) {
    const major = versionOf(candidate);
    if (major === undefined) continue;
    if (serverMajor !== undefined && major === serverMajor) return { path: candidate, major };
    if (!best || major > best.major) best = { path: candidate, major };
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

/** The libpq environment for a URL: the password goes in PGPASSWORD, not on the command line. */
export function libpqArgs(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL tool; rejects with its last lines of output on a non-zero exit. */
export function runPgTool(tool: PgTool, args: string[], extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${path.basename(tool.path)} failed (${signal ?? `exit ${code}`})${stderr.trim() ? `: ${stderr.trim()}` : "."}`,
            ),
          ),
    );
  });
}
