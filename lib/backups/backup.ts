// Backups that prove themselves: pg_dump runs on a snapshot exported by a
// transaction that also counts and checksums every table, and the counts and
// checksums go in a manifest beside the dump (<file>.json). A restore is checked
// by computing the same fingerprint on the restored database and comparing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { findPgTool, libpqArgs, runPgTool, serverMajor, type PgTool, type PgToolName } from "./pg-tools";

export const MANIFEST_FORMAT = 1;

/** One table's row count and an order-independent checksum of its rows. */
export type TableFingerprint = { table: string; rows: number; checksum: string };

export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  serverMajor: number;
  tables: TableFingerprint[];
};

export type BackupResult = { file: string; sizeBytes: number; manifest: BackupManifest };

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Fingerprints every ordinary table outside the system schemas (or only those of
 * `schemas`): the row count and the md5 of the sorted md5s of each row's text.
 * Row text depends on TimeZone and DateStyle, so both are fixed first.
 */
export async function fingerprintTables(client: pg.ClientBase, schemas?: string[]): Promise<TableFingerprint[]> {
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET extra_float_digits = 1");
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[]))
      ORDER BY 1, 2`,
    [schemas ?? null],
  );
  const result: TableFingerprint[] = [];
  for (const { schema, name } of tables) {
    const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    const { rows } = await client.query<{ n: string; sum: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(h, '' ORDER BY h)) AS sum FROM (SELECT md5(t::text) AS h FROM ${qualified} t) s`,
    );
    result.push({ table: `${schema}.${name}`, rows: Number(rows[0]?.n ?? 0), checksum: rows[0]?.sum ?? "" });
  }
  return result;
}

/** The differences between two fingerprints ("table: rows 3 → 2"), empty when equal. */
export function compareFingerprints(expected: TableFingerprint[], actual: TableFingerprint[]): string[] {
  const byTable = new Map(actual.map((t) => [t.table, t]));
  const problems: string[] = [];
  for (const want of expected) {
    const got = byTable.get(want.table);
    if (!got) problems.push(`${want.table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${want.table}: ${want.rows} rows expected, ${got.rows} found`);
    else if (got.checksum !== want.checksum) problems.push(`${want.table}: contents differ`);
    byTable.delete(want.table);
  }
  for (const extra of byTable.keys()) problems.push(`${extra}: not in the backup`);
  return problems;
}

/** A client tool able to work with this server, or an error saying what to install. */
export async function toolFor(name: PgToolName, url: string): Promise<PgTool> {
  const major = await serverMajor(url);
  const tool = findPgTool(name, major);
  if (!tool)
    throw new Error(
      `${name} not found. Install the PostgreSQL ${major} client tools (Debian: postgresql-client-${major}) or set PG_BIN to their directory.`,
    );
  if (tool.major < major)
    throw new Error(
      `${name} ${tool.major} cannot work with this PostgreSQL ${major} server. Install the PostgreSQL ${major} client tools (postgresql-client-${major}) or set PG_BIN to a directory holding ${name} ${major} or newer.`,
    );
  return tool;
}

export const manifestPathOf = (file: string) => `${file}.json`;

/** Reads the manifest written beside a backup, or undefined when there is none (an older or foreign dump). */
export function readManifest(file: string): BackupManifest | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifestPathOf(file), "utf8")) as BackupManifest;
    return parsed.format === MANIFEST_FORMAT && Array.isArray(parsed.tables) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Backs up the database of `url` to `file` (pg_dump custom format) and writes
 * its manifest. The file appears only when complete (written as .partial, then renamed).
 */
export async function createBackup(url: string, file: string, tool?: PgTool): Promise<BackupResult> {
  const pgDump = tool ?? (await toolFor("pg_dump", url));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string; v: string }>(
      "SELECT pg_export_snapshot() AS id, current_setting('server_version_num') AS v",
    );
    const snapshot = rows[0]!.id;
    const tables = await fingerprintTables(client);
    const { dbname, env } = libpqArgs(url);
    await runPgTool(
      pgDump,
      ["--format=custom", "--compress=6", `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${dbname}`],
      env,
    );
    await client.query("COMMIT");
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      serverMajor: Math.floor(Number(rows[0]!.v) / 10000),
      tables,
    };
    fs.writeFileSync(manifestPathOf(file), `${JSON.stringify(manifest, null, 1)}\n`);
    fs.renameSync(partial, file);
    return { file, sizeBytes: fs.statSync(file).size, manifest };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Restores a backup into the database of `url` in one transaction (all of it or
 * nothing). `clean` drops the objects of the backup first (restoring over data).
 */
export async function restoreBackup(
  url: string,
  file: string,
  { clean = true, tool }: { clean?: boolean; tool?: PgTool } = {},
) {
  const pgRestore = tool ?? (await toolFor("pg_restore", url));
  const { dbname, env } = libpqArgs(url);
  await runPgTool(
    pgRestore,
    [
      ...(clean ? ["--clean", "--if-exists"] : []),
      "--no-owner",
      "--no-acl",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}

/** Fingerprints the database of `url` (one connection, closed after). */
export async function fingerprintDatabase(url: string): Promise<TableFingerprint[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fingerprintTables(client);
  } finally {
    await client.end();
  }
}

/**
 * Proves a backup restores: restores it into a throw-away database on the server
 * of `url`, compares that database with the manifest, and drops it. Returns the
 * differences (empty: the backup is good); throws when the restore itself fails.
 */
export async function verifyBackup(url: string, file: string): Promise<{ problems: string[]; tables: number }> {
  const manifest = readManifest(file);
  if (!manifest) throw new Error(`${path.basename(file)} has no manifest to check against.`);
  const name = `pathwise_verify_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    try {
      await restoreBackup(target.toString(), file, { clean: false });
      const problems = compareFingerprints(manifest.tables, await fingerprintDatabase(target.toString()));
      return { problems, tables: manifest.tables.length };
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
