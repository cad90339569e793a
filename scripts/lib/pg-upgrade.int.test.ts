// The move of an embedded PostgreSQL 16 data directory to PostgreSQL 15: every
// row (across batches, foreign keys in any table order, identity and generated
// columns, JSON, bytes, Chinese text) and every sequence arrives; the 16 data is kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dataDirMajor, ensureDatabase, freePort, startEmbedded } from "./postgres";
import { upgradeEmbedded16To15 } from "./pg-upgrade";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-upgrade-"));
fs.chmodSync(root, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data directory
const dir = path.join(root, "postgres");

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS team (
    id serial PRIMARY KEY, name text NOT NULL, meta jsonb, created timestamptz DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED);
  CREATE TABLE IF NOT EXISTS member (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, team_id int NOT NULL REFERENCES team(id),
    data bytea, score double precision);`;

async function prepare(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(SCHEMA);
  await client.end();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// It starts servers of its own, so CI's second pass (on the embedded server) skips it.
describe.skipIf(process.env.TEST_DATABASE_KIND === "embedded")("moving embedded PostgreSQL 16 data to 15", () => {
  it("copies every row and sequence, checks them, and keeps the 16 data", async () => {
    const old = await startEmbedded({ dir, port: await freePort(), major: 16 });
    await ensureDatabase(old.url("postgres"), "pathwise");
    await prepare(old.url("pathwise"));
    await query(
      old.url("pathwise"),
      `INSERT INTO team (name, meta) VALUES ('物流 团队', '{"a": [1, "二"]}'), ('Second', NULL);
       INSERT INTO member (team_id, data, score)
         SELECT 1 + i % 2, decode(md5(i::text), 'hex'), i / 3.0 FROM generate_series(1, 2500) i;`,
    );
    const before = await query(old.url("pathwise"), "SELECT * FROM member ORDER BY id");
    await old.stop();
    expect(dataDirMajor(dir)).toBe(16);

    const messages: string[] = [];
    const { oldDir, rows } = await upgradeEmbedded16To15({
      dir,
      database: "pathwise",
      log: (m) => messages.push(m),
      prepare,
    });
    expect(rows).toBe(2502);
    expect(dataDirMajor(dir)).toBe(15);
    expect(dataDirMajor(oldDir)).toBe(16);

    const upgraded = await startEmbedded({ dir, port: await freePort() });
    try {
      const url = upgraded.url("pathwise");
      expect(await query(url, "SHOW server_version_num")).toEqual([
        { server_version_num: expect.stringMatching(/^15/) },
      ]);
      expect(await query(url, "SELECT * FROM member ORDER BY id")).toEqual(before);
      expect(await query(url, "SELECT name, meta, search::text FROM team ORDER BY id")).toEqual([
        { name: "物流 团队", meta: { a: [1, "二"] }, search: "'团队':2 '物流':1" },
        { name: "Second", meta: null, search: "'second':1" },
      ]);
      // Sequences continue after the copied rows; foreign keys hold again.
      expect(await query(url, "INSERT INTO team (name) VALUES ('Third') RETURNING id")).toEqual([{ id: 3 }]);
      expect(await query(url, "INSERT INTO member (team_id) VALUES (3) RETURNING id")).toEqual([{ id: "2501" }]);
      await expect(query(url, "INSERT INTO member (team_id) VALUES (99)")).rejects.toThrow(/foreign key/);
    } finally {
      await upgraded.stop();
    }
  }, 120_000);
});
