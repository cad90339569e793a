// npm run db:backup [-- --out FILE]: pg_dump (custom format) of DATABASE_URL, or
// of the embedded database, to backups/<timestamp>.dump.
import fs from "node:fs";
import path from "node:path";
import { ROOT, StartupError } from "./lib/postgres";
import { libpqArgs, pgToolFor, runPgTool, scriptDatabase } from "./lib/pg-tools";

function outputFile(): string {
  const at = process.argv.indexOf("--out");
  if (at >= 0) {
    const file = process.argv[at + 1];
    if (!file) throw new StartupError("--out needs a file name.");
    return path.resolve(file);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return path.join(ROOT, "backups", `${stamp}.dump`);
}

async function main() {
  const file = outputFile();
  const database = await scriptDatabase();
  try {
    const pgDump = await pgToolFor("pg_dump", database.url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { dbname, env } = libpqArgs(database.url);
    const partial = `${file}.partial`;
    await runPgTool(pgDump, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${dbname}`], env);
    fs.renameSync(partial, file);
    console.log(
      `Backed up ${database.description} to ${path.relative(process.cwd(), file) || file} (${Math.round(fs.statSync(file).size / 1024)} KiB).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
