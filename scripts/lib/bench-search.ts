// The task search of npm run bench: the queries Prisma sends for lib/tasks/find-tasks.ts
// findTaskPage with ?q= on plan A (the first page, as the task list shows it), timed
// straight on the database, one after the other as the app runs them: the matches'
// ids and sort keys, then the shown page's rows, assignees and dilemma links.
import pg from "pg";
import { fmt, percentile, printTable } from "./bench-harness";

/** Search words of the bench: two-character Chinese (no trigram index), longer Chinese, English. */
export const SEARCH_TERMS = ["安全", "数据安全", "冷链", "security"] as const;
export const SEARCH_GOAL_P95_MS = 30;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
const WARM_UP = 5;

const KEYS = `SELECT "public"."Task"."id", "public"."Task"."areaCode", "public"."Task"."sortOrder", "public"."Task"."createdAt" FROM "public"."Task"`;
const PAGE_SIZE = 50;
const MAX_LISTED = 2000;
const SELECT = `SELECT "public"."Task"."id", "public"."Task"."planId", "public"."Task"."version", "public"."Task"."title", "public"."Task"."templateKey", "public"."Task"."templateTextZh", "public"."Task"."templateTextEn", "public"."Task"."areaCode", "public"."Task"."pathCode", "public"."Task"."status"::text, "public"."Task"."priority"::text, "public"."Task"."progress", "public"."Task"."dueDate", "public"."Task"."assigneeId", "public"."Task"."teamId" FROM "public"."Task"`;

/** findTaskPage's first query for one word, as find-tasks.ts builds it: two Chinese characters through the bigrams, else LIKE. */
export function searchQuery(teamId: string, planId: string, word: string): { sql: string; params: unknown[] } {
  const term = word.normalize("NFKC").toLowerCase();
  const isBigram = [...term].length === 2 && [...term].every((c) => c.codePointAt(0)! > 127);
  const condition = isBigram ? `"public"."Task"."searchBigrams" @> $3` : `"public"."Task"."searchText"::text LIKE $3`;
  return {
    sql: `${KEYS} WHERE ("public"."Task"."teamId" = $1 AND "public"."Task"."planId" = $2 AND ${condition}) LIMIT $4 OFFSET $5`,
    params: [teamId, planId, isBigram ? [term] : `%${term}%`, MAX_LISTED + 1, 0],
  };
}

// Then the first page of the sorted matches is read, with its assignees and dilemma links.
const PAGE_SQL = `${SELECT} WHERE ("public"."Task"."teamId" = $1 AND "public"."Task"."id" = ANY($2::text[]))`;
const USERS_SQL = `SELECT "public"."User"."id", "public"."User"."name" FROM "public"."User" WHERE "public"."User"."id" = ANY($1::text[])`;
const LINKS_SQL = `SELECT "public"."TaskDilemma"."taskId", "public"."TaskDilemma"."dilemmaCode", "public"."TaskDilemma"."weight", "public"."TaskDilemma"."teamId" FROM "public"."TaskDilemma" WHERE ("public"."TaskDilemma"."taskId" = ANY($1::text[]) AND "public"."TaskDilemma"."teamId" = $2) ORDER BY "public"."TaskDilemma"."dilemmaCode" ASC`;

export type SearchFigures = { term: string; found: number; p50: number; p95: number; max: number };

/** Times each word's search (the three queries) RUNS times on one connection and prints p50/p95 against the goal. */
export async function benchSearch(databaseUrl: string, team: { teamId: string; planAId: string }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const results: SearchFigures[] = [];
  try {
    await client.query("SET jit = off"); // as the app's connections (lib/db.ts)
    await client.query(`ANALYZE "Task"`);
    for (const term of SEARCH_TERMS) {
      const { sql, params } = searchQuery(team.teamId, team.planAId, term);
      const once = async () => {
        const { rows: keys } = await client.query<{ id: string; areaCode: string; sortOrder: number; createdAt: Date }>(
          sql,
          params,
        );
        keys.sort(
          (a, b) =>
            (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0) ||
            a.sortOrder - b.sortOrder ||
            a.createdAt.getTime() - b.createdAt.getTime(),
        );
        const pageIds = keys.slice(0, PAGE_SIZE).map((k) => k.id);
        const { rows } = await client.query<{ id: string; assigneeId: string | null }>(PAGE_SQL, [
          team.teamId,
          pageIds,
        ]);
        const assignees = [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => id !== null))];
        await client.query(USERS_SQL, [assignees]);
        await client.query(LINKS_SQL, [rows.map((r) => r.id), team.teamId]);
        return keys.length;
      };
      for (let i = 0; i < WARM_UP; i++) await once();
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        found = await once();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      results.push({ term, found, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! });
    }
  } finally {
    await client.end();
  }
  printTable(
    ["search ?q= (plan A)", "tasks found", "p50 ms", "p95 ms", "max ms", "goal", "met"],
    results.map((r) => [
      r.term,
      fmt(r.found),
      fmt(r.p50, 1),
      fmt(r.p95, 1),
      fmt(r.max, 1),
      `p95 ≤ ${SEARCH_GOAL_P95_MS} ms`,
      r.p95 <= SEARCH_GOAL_P95_MS ? "yes" : "NO",
    ]),
    [0, 5],
  );
  return results;
}
