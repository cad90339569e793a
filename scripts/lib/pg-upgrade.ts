// Moves an embedded data directory created by PostgreSQL 16 (the embedded
// default of earlier releases) to PostgreSQL 15, whose pg_dump Debian 12 ships.
// pg_dump 15 refuses a 16 server and pg_upgrade cannot go down a version, so the
// rows are copied table by table between the two servers, both running from npm
// packages: the 16 data is brought up to the current migrations (on a copy),
// a new 15 directory gets the same schema, every table of the public schema is
// copied (foreign keys deferred with session_replication_role), sequences are set,
// and every table's row count and checksum must match before the new directory
// replaces the old one. The old directory is kept, renamed, until removed by hand.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { compareFingerprints, fingerprintTables } from "../../lib/backups/backup";
import {
  StartupError,
  dataDirMajor,
  ensureDatabase,
  freePort,
  migrate,
  startEmbedded,
  type EmbeddedServer,
} from "./postgres";

const BATCH_ROWS = 2000;
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Copies every row of the public schema from `source` to `target` (same schema on both). */
export async function copyPublicSchema(source: pg.Client, target: pg.Client): Promise<number> {
  const { rows: tables } = await source.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  await target.query("BEGIN");
  await target.query("SET LOCAL session_replication_role = replica");
  if (tables.length > 0) await target.query(`TRUNCATE ${tables.map((t) => `public.${quoteIdent(t.name)}`).join(", ")}`);
  let copied = 0;
  await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  for (const { name } of tables) {
    const table = `public.${quoteIdent(name)}`;
    const { rows: columns } = await target.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      [table],
    );
    if (columns.length === 0) continue;
    const list = columns.map((c) => quoteIdent(c.name)).join(", ");
    await source.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${table} t`);
    for (;;) {
      const { rows } = await source.query<{ r: string }>(`FETCH ${BATCH_ROWS} FROM rows_cursor`);
      if (rows.length === 0) break;
      await target.query(
        `INSERT INTO ${table} (${list}) OVERRIDING SYSTEM VALUE
         SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [`[${rows.map((row) => row.r).join(",")}]`],
      );
      copied += rows.length;
    }
    await source.query("CLOSE rows_cursor");
  }
  const { rows: sequences } = await source.query<{ name: string; last: string | null; called: boolean }>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value AS last,
            last_value IS NOT NULL AS called
       FROM pg_sequences WHERE schemaname = 'public'`,
  );
  for (const seq of sequences)
    if (seq.last !== null)
      await target.query("SELECT setval($1::regclass, $2::bigint, $3)", [seq.name, seq.last, seq.called]);
  await source.query("COMMIT");
  await target.query("COMMIT");
  return copied;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Upgrades the PostgreSQL 16 data in `dir` to a new PostgreSQL 15 directory at
 * the same place; the old one is renamed to `<dir>-16-<time>` and kept.
 * `prepare` brings a database to the current schema (default: the migrations).
 * Returns where the old data went. On any failure nothing is changed.
 */
export async function upgradeEmbedded16To15({
  dir,
  database,
  log,
  prepare = migrate,
}: {
  dir: string;
  database: string;
  log: (message: string) => void;
  prepare?: (url: string) => Promise<void>;
}): Promise<{ oldDir: string; rows: number }> {
  if (dataDirMajor(dir) !== 16) throw new StartupError(`${dir} is not a PostgreSQL 16 data directory.`);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  const oldDir = `${dir}-16-${stamp}`;
  const workDir = `${dir}-16-work`;
  const newDir = `${dir}-15-new`;
  for (const leftover of [workDir, newDir]) fs.rmSync(leftover, { recursive: true, force: true });
  log(`Copying the PostgreSQL 16 data of ${path.basename(dir)} to work on (the original stays untouched)…`);
  // cp -a keeps owners and modes: as root, PostgreSQL runs as the postgres user and insists on a 0700 directory.
  execFileSync("cp", ["-a", dir, workDir]);
  fs.rmSync(path.join(workDir, "postmaster.pid"), { force: true });

  let oldServer: EmbeddedServer | undefined;
  let newServer: EmbeddedServer | undefined;
  try {
    oldServer = await startEmbedded({ dir: workDir, port: await freePort() });
    await ensureDatabase(oldServer.url("postgres"), database);
    await prepare(oldServer.url(database));
    newServer = await startEmbedded({ dir: newDir, port: await freePort(), major: 15 });
    await ensureDatabase(newServer.url("postgres"), database);
    await prepare(newServer.url(database));

    const source = await connect(oldServer.url(database));
    const target = await connect(newServer.url(database));
    let rows: number;
    try {
      rows = await copyPublicSchema(source, target);
      const problems = compareFingerprints(
        await fingerprintTables(source, ["public"]),
        await fingerprintTables(target, ["public"]),
      );
      if (problems.length > 0)
        throw new Error(`the copy differs from the original: ${problems.slice(0, 5).join("; ")}`);
    } finally {
      await source.end().catch(() => undefined);
      await target.end().catch(() => undefined);
    }
    await newServer.stop();
    newServer = undefined;
    await oldServer.stop();
    oldServer = undefined;
    fs.renameSync(dir, oldDir);
    fs.renameSync(newDir, dir);
    return { oldDir, rows };
  } catch (error) {
    await newServer?.stop().catch(() => undefined);
    fs.rmSync(newDir, { recursive: true, force: true });
    throw new StartupError(
      `Moving the embedded database from PostgreSQL 16 to 15 failed, nothing was changed (${path.basename(dir)} is still the PostgreSQL 16 data): ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await oldServer?.stop().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Starts the embedded database of `npm start` and the db scripts: a PostgreSQL
 * 16 directory is first moved to 15 (with messages saying so), then the 15 server starts.
 */
export async function startDefaultEmbedded({
  dir,
  port,
  database,
  log,
}: {
  dir: string;
  port: number;
  database: string;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  if (dataDirMajor(dir) === 16) {
    log(
      "This embedded database was created by PostgreSQL 16. Pathwise now runs PostgreSQL 15 (its backup tools ship with Debian 12), so the data moves to a new PostgreSQL 15 directory, once.",
    );
    const { oldDir, rows } = await upgradeEmbedded16To15({ dir, database, log });
    log(
      `Moved ${rows} rows to PostgreSQL 15; every table's rows and checksum match. The PostgreSQL 16 data is kept in ${path.relative(process.cwd(), oldDir) || oldDir}: delete it once you have checked your data.`,
    );
  }
  return startEmbedded({ dir, port });
}
