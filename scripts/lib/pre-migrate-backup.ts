// The backup `npm start` takes on the embedded database before it applies new
// migrations: which shipped migrations the database has not applied yet, and a
// backup plus the way back when there are any.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createBackup } from "../../lib/backups/backup";
import type { PgTool } from "../../lib/backups/pg-tools";
import { ROOT, StartupError } from "./postgres";

/** The shipped migrations not yet applied; undefined for a database without migrations yet (a new one). */
export async function pendingMigrations(databaseUrl: string): Promise<string[] | undefined> {
  const dir = path.join(ROOT, "prisma", "migrations");
  const shipped = fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: exists } = await client.query<{ e: boolean }>(
      "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS e",
    );
    if (!exists[0]?.e) return undefined;
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.name));
    return shipped.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/**
 * A backup before new migrations (none for a new database or when nothing is
 * pending), and how to go back. Returns the file, if one was written.
 */
export async function backupBeforeMigrations({
  databaseUrl,
  pgDump,
  dir,
  log,
}: {
  databaseUrl: string;
  pgDump?: PgTool;
  dir: string;
  log: (message: string) => void;
}): Promise<string | undefined> {
  const pending = await pendingMigrations(databaseUrl);
  if (!pending?.length) return undefined;
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  const file = path.join(dir, `pre-migrate-${stamp}Z.dump`);
  log(`${pending.length} new migration(s) to apply (${pending.join(", ")}); backing up first…`);
  await createBackup(databaseUrl, file, pgDump).catch((error: Error) => {
    throw new StartupError(`The backup before the migrations failed, nothing was migrated: ${error.message}`);
  });
  const relative = path.relative(process.cwd(), file);
  log(`Backed up to ${relative}. To roll back the upgrade: stop Pathwise, check out the previous version,`);
  log(`run \`npm ci\`, then \`npm run db:restore -- ${relative}\` and \`npm start\`.`);
  return file;
}
