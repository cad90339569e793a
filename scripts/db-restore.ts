// npm run db:restore -- FILE [--yes]: replaces the contents of DATABASE_URL, or of
// the embedded database, with a backup made by db:backup (pg_restore --clean
// --if-exists in one transaction: all of it or nothing). Asks first unless --yes
// or CI is set.
import fs from "node:fs";
import readline from "node:readline/promises";
import { StartupError } from "./lib/postgres";
import { libpqArgs, pgToolFor, runPgTool, scriptDatabase } from "./lib/pg-tools";

async function confirmed(description: string): Promise<boolean> {
  if (process.argv.includes("--yes") || process.env.CI) return true;
  if (!process.stdin.isTTY)
    throw new StartupError("Refusing to restore without confirmation: run in a terminal, or pass --yes.");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`This replaces the data of ${description}. Type "restore" to go on: `);
    return answer.trim() === "restore";
  } finally {
    rl.close();
  }
}

async function main() {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new StartupError("Usage: npm run db:restore -- <file.dump> [--yes]");
  if (!fs.existsSync(file)) throw new StartupError(`No such backup: ${file}`);
  const database = await scriptDatabase();
  try {
    const pgRestore = await pgToolFor("pg_restore", database.url);
    if (!(await confirmed(database.description))) {
      console.log("Not restored.");
      process.exitCode = 1;
      return;
    }
    const { dbname, env } = libpqArgs(database.url);
    await runPgTool(
      pgRestore,
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-acl",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${dbname}`,
        file,
      ],
      env,
    );
    console.log(`Restored ${database.description} from ${file}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
