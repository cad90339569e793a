// A large team for `npm run bench`, seeded with set-based SQL (INSERT … SELECT
// generate_series) on one pg connection: an owner and members, plan A with many
// tasks, more plans, dilemma links and months of task history in ActivityEvent.
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { CATALOG_VERSION } from "../../lib/catalog/catalog";

/**
 * How much to seed; BENCH_TASKS_BIG (plan A), BENCH_SIZE_PLANS (more plans of these sizes, to
 * see how the dashboards grow with a plan), BENCH_PLANS × BENCH_TASKS_PER_PLAN, BENCH_MEMBERS.
 */
export type BenchSizes = {
  bigTasks: number;
  sizePlans: number[];
  plans: number;
  tasksPerPlan: number;
  members: number;
};

/** What the benchmark needs to sign in and to address the big plan. */
export type BenchTeam = {
  teamId: string;
  slug: string;
  planAId: string;
  /** The plans of BENCH_SIZE_PLANS, with plan A, smallest first. */
  sizedPlans: { id: string; tasks: number }[];
  userId: string;
  email: string;
  password: string;
};

export type BenchSeedResult = { team: BenchTeam; counts: Record<string, number>; ms: number };

const HISTORY_DAYS = 120;
const OWNER_ID = "bench_user_owner";

function sizeFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${raw}).`);
  return value;
}

function sizesFrom(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  if (raw.trim() === "") return [];
  return raw.split(",").map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must list integers ≥ 1 (got ${raw}).`);
    return value;
  });
}

/**
 * Sizes from the environment, defaulting to the full benchmark: plan A of 5,000 tasks, plans of
 * 1,000 and 20,000 tasks, and 200 more plans × 250 tasks (a team of 203 plans), 10 members.
 */
export function benchSizesFromEnv(env: NodeJS.ProcessEnv = process.env): BenchSizes {
  return {
    bigTasks: sizeFrom(env, "BENCH_TASKS_BIG", 5000, 1),
    sizePlans: sizesFrom(env, "BENCH_SIZE_PLANS", [1000, 20000]),
    plans: sizeFrom(env, "BENCH_PLANS", 200, 0),
    tasksPerPlan: sizeFrom(env, "BENCH_TASKS_PER_PLAN", 250, 0),
    members: sizeFrom(env, "BENCH_MEMBERS", 10, 0),
  };
}

/** Seeds the bench team into a migrated database with the catalog; returns sign-in details, row counts and the time taken. */
export async function seedBenchTeam(
  databaseUrl: string,
  sizes: BenchSizes,
  now = new Date(),
): Promise<BenchSeedResult> {
  const started = performance.now();
  const team: BenchTeam = {
    teamId: "bench_team",
    slug: "bench-team",
    planAId: "bench_plan_a",
    sizedPlans: [
      { id: "bench_plan_a", tasks: sizes.bigTasks },
      ...sizes.sizePlans.map((tasks, i) => ({ id: `bench_plan_size_${i + 1}`, tasks })),
    ].sort((a, b) => a.tasks - b.tasks),
    userId: OWNER_ID,
    email: "bench-owner@pathwise.local",
    password: "pathwise-bench",
  };
  const passwordHash = await hash(team.password); // argon2id, as lib/auth/password.ts
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SELECT setseed(0.42)"); // the same spread on every run
    await client.query("BEGIN");
    await seedPeople(client, { team, passwordHash, members: sizes.members, now });
    await seedPlans(client, { team, sizes, now });
    await seedTasks(client, { team, now });
    await seedDilemmaLinks(client, team.teamId);
    await seedHistory(client, team);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of ["User", "Membership", "Plan", "Task", "TaskDilemma", "ActivityEvent"]) {
      const { rows } = await client.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM "${table}"`);
      counts[table] = rows[0]?.count ?? 0;
    }
    const { rows } = await client.query<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM "Task" WHERE "planId" = $1`,
      [team.planAId],
    );
    counts["Task (plan A)"] = rows[0]?.count ?? 0;
    return { team, counts, ms: performance.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

type Ctx = { team: BenchTeam; now: Date };

async function seedPeople(
  client: pg.Client,
  { team, passwordHash, members, now }: Ctx & { passwordHash: string; members: number },
) {
  const since = `${HISTORY_DAYS + 10} days`;
  await client.query(
    `INSERT INTO "Team" (id, name, slug, "createdAt", "updatedAt") VALUES ($1, 'Bench Commerce Group', $2, $3::timestamp - $4::interval, $3::timestamp)`,
    [team.teamId, team.slug, now.toISOString(), since],
  );
  // The owner, then members: 2 admins, 2 viewers, the rest members.
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
     SELECT CASE WHEN g = 0 THEN $1 ELSE format('bench_user_%s', g) END,
            CASE WHEN g = 0 THEN $2 ELSE format('bench-member-%s@pathwise.local', g) END,
            CASE WHEN g = 0 THEN 'Bench Owner' ELSE format('Bench Member %s', g) END,
            $3, $4::timestamp - $5::interval, $4::timestamp
       FROM generate_series(0, $6::int) g`,
    [OWNER_ID, team.email, passwordHash, now.toISOString(), since, members],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "teamId", "userId", role, "createdAt", "updatedAt")
     SELECT format('bench_membership_%s', g), $1, CASE WHEN g = 0 THEN $2 ELSE format('bench_user_%s', g) END,
            (CASE WHEN g = 0 THEN 'OWNER' WHEN g <= 2 THEN 'ADMIN' WHEN g > $3::int - 2 THEN 'VIEWER' ELSE 'MEMBER' END)::"Role",
            $4::timestamp - $5::interval, $4::timestamp
       FROM generate_series(0, $3::int) g`,
    [team.teamId, OWNER_ID, members, now.toISOString(), since],
  );
}

async function seedPlans(client: pg.Client, { team, sizes, now }: Ctx & { sizes: BenchSizes }) {
  // bench_plan(id, ord, n): plan A first, then the other plans; drives the task insert.
  await client.query(
    `CREATE TEMP TABLE bench_plan (id text PRIMARY KEY, ord int NOT NULL, n int NOT NULL) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO bench_plan SELECT CASE WHEN g = 0 THEN $1 ELSE format('bench_plan_%s', lpad(g::text, 3, '0')) END, g, CASE WHEN g = 0 THEN $2::int ELSE $3::int END
       FROM generate_series(0, $4::int) g`,
    [team.planAId, sizes.bigTasks, sizes.tasksPerPlan, sizes.plans],
  );
  const sized = team.sizedPlans.filter((p) => p.id !== team.planAId);
  await client.query(
    `INSERT INTO bench_plan SELECT id, $3::int + ord, n FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS s(id, n, ord)`,
    [sized.map((p) => p.id), sized.map((p) => p.tasks), sizes.plans],
  );
  await client.query(
    `INSERT INTO "Plan" (id, "teamId", title, description, status, "startDate", "targetDate", "catalogVersion", "createdById", "createdAt", "updatedAt")
     SELECT p.id, $1, CASE WHEN p.ord = 0 THEN 'Plan A: group-wide upgrade' WHEN p.id LIKE 'bench_plan_size_%' THEN format('Plan of %s tasks', p.n)
                 ELSE format('Regional plan %s', p.ord) END,
            'Benchmark plan', 'ACTIVE', ($3::timestamp - $4::interval)::date, ($3::timestamp + $4::interval)::date, $5, $2,
            $3::timestamp - $4::interval, $3::timestamp
       FROM bench_plan p`,
    [team.teamId, OWNER_ID, now.toISOString(), `${HISTORY_DAYS} days`, CATALOG_VERSION],
  );
}

async function seedTasks(client: pg.Client, { team, now }: Ctx) {
  // Roughly 30% TODO, 35% IN_PROGRESS, 8% BLOCKED, 22% DONE, 5% CANCELLED; 15% unassigned;
  // 10% without due date, the rest due from 60 days ago to 120 days ahead; 20% custom (no template).
  // Random values are drawn once per row (MATERIALIZED) so status, progress and dates agree.
  await client.query(
    `WITH tpl AS MATERIALIZED (
       SELECT row_number() OVER (ORDER BY "sortOrder", key) - 1 AS i, key, "areaCode", "pathCode", "textZh", "textEn", "descriptionZh", "descriptionEn", "defaultPriority"
         FROM "TaskTemplate"
     ),
     src AS MATERIALIZED (
       SELECT p.id AS plan_id, p.ord, g,
              random() AS r_status, random() AS r_progress, random() AS r_assignee, random() AS r_due,
              random() AS r_created, random() AS r_updated, random() AS r_tpl, random() AS r_custom, random() AS r_prio
         FROM bench_plan p CROSS JOIN LATERAL generate_series(1, p.n) g
     ),
     shaped AS (
       SELECT s.*,
              CASE WHEN r_status < 0.30 THEN 'TODO' WHEN r_status < 0.65 THEN 'IN_PROGRESS' WHEN r_status < 0.73 THEN 'BLOCKED'
                   WHEN r_status < 0.95 THEN 'DONE' ELSE 'CANCELLED' END AS status,
              $2::timestamp - $3::interval + (r_created * r_created) * interval '100 days' AS created
         FROM src s
     )
     INSERT INTO "Task" (id, "teamId", "planId", "areaCode", "pathCode", "templateKey", "templateTextZh", "templateTextEn",
                         "templateDescriptionZh", "templateDescriptionEn", title, description, status, priority,
                         "assigneeId", "dueDate", progress, "sortOrder", version, "createdById", "createdAt", "updatedAt", "completedAt")
     SELECT 'c' || substr(md5(s.plan_id || ':' || s.g), 1, 24), $1, s.plan_id, tpl."areaCode", tpl."pathCode",
            CASE WHEN s.r_custom < 0.2 THEN NULL ELSE tpl.key END,
            CASE WHEN s.r_custom < 0.2 THEN NULL ELSE tpl."textZh" END,
            CASE WHEN s.r_custom < 0.2 THEN NULL ELSE tpl."textEn" END,
            CASE WHEN s.r_custom < 0.2 THEN NULL ELSE tpl."descriptionZh" END,
            CASE WHEN s.r_custom < 0.2 THEN NULL ELSE tpl."descriptionEn" END,
            CASE WHEN s.r_custom < 0.2 THEN format('Follow-up %s for %s', s.g, tpl.key) ELSE left(tpl."textEn", 200) END,
            CASE WHEN s.r_custom < 0.2 THEN '' ELSE tpl."descriptionEn" END,
            s.status::"TaskStatus",
            (CASE WHEN s.r_prio < 0.5 THEN tpl."defaultPriority"::text WHEN s.r_prio < 0.6 THEN 'LOW' WHEN s.r_prio < 0.8 THEN 'MEDIUM'
                  WHEN s.r_prio < 0.95 THEN 'HIGH' ELSE 'URGENT' END)::"Priority",
            CASE WHEN s.r_assignee < 0.15 THEN NULL ELSE ($4::text[])[1 + floor((s.r_assignee - 0.15) / 0.85 * cardinality($4::text[]))::int] END,
            CASE WHEN s.r_due < 0.10 THEN NULL ELSE ($2::timestamp)::date + (floor((s.r_due - 0.10) / 0.90 * 180)::int - 60) END,
            CASE s.status WHEN 'TODO' THEN 0 WHEN 'IN_PROGRESS' THEN 5 * (1 + floor(s.r_progress * 18)::int)
                          WHEN 'BLOCKED' THEN 5 * floor(s.r_progress * 13)::int WHEN 'DONE' THEN 100 ELSE 5 * floor(s.r_progress * 7)::int END,
            s.g, 1, $5, s.created,
            s.created + ($2::timestamp - s.created) * (0.6 + 0.4 * s.r_updated),
            CASE WHEN s.status = 'DONE' THEN s.created + ($2::timestamp - s.created) * (0.6 + 0.4 * s.r_updated) END
       FROM shaped s
       JOIN tpl ON tpl.i = floor(s.r_tpl * (SELECT COUNT(*) FROM tpl))::int`,
    [team.teamId, now.toISOString(), `${HISTORY_DAYS} days`, await assignees(client, team.teamId), OWNER_ID],
  );
}

async function assignees(client: pg.Client, teamId: string): Promise<string[]> {
  const { rows } = await client.query<{ userId: string }>(
    `SELECT "userId" FROM "Membership" WHERE "teamId" = $1 AND role <> 'VIEWER' ORDER BY "userId"`,
    [teamId],
  );
  return rows.map((r) => r.userId);
}

async function seedDilemmaLinks(client: pg.Client, teamId: string) {
  // 1–3 distinct dilemmas per task: the first weighs 2–3, the others 1–3.
  await client.query(
    `WITH t AS MATERIALIZED (
       SELECT id, "teamId", floor(random() * 4)::int AS off, 1 + floor(random() * 3)::int AS n FROM "Task" WHERE "teamId" = $1
     )
     INSERT INTO "TaskDilemma" ("taskId", "teamId", "dilemmaCode", weight)
     SELECT t.id, t."teamId", 'D' || ((t.off + k) % 4 + 1),
            CASE WHEN k = 0 THEN 2 + floor(random() * 2)::int ELSE 1 + floor(random() * 3)::int END
       FROM t CROSS JOIN LATERAL generate_series(0, t.n - 1) k`,
    [teamId],
  );
}

async function seedHistory(client: pg.Client, team: BenchTeam) {
  await client.query(
    `INSERT INTO "ActivityEvent" ("teamId", "planId", "actorId", kind, "entityType", "entityId", after, "createdAt")
     SELECT "teamId", id, $2, 'plan.created', 'plan', id, jsonb_build_object('title', title, 'status', 'ACTIVE'), "createdAt"
       FROM "Plan" WHERE "teamId" = $1 ORDER BY "createdAt"`,
    [team.teamId, OWNER_ID],
  );
  // Per task: task.created (TODO, 0) at createdAt, then 2–4 task.updated, the last at updatedAt
  // carrying today's status and progress; earlier ones move IN_PROGRESS towards it (TODO tasks stay TODO).
  // Inserted in time order, so ids grow with createdAt as in a live log.
  await client.query(
    `WITH t AS MATERIALIZED (
       SELECT id, "teamId", "planId", status::text AS status, progress, "assigneeId", "createdAt", "updatedAt",
              2 + floor(random() * 3)::int AS m,
              CASE status WHEN 'DONE' THEN 100 WHEN 'CANCELLED' THEN 40 ELSE GREATEST(progress, 10) END AS pref
         FROM "Task" WHERE "teamId" = $1
     ),
     steps AS (
       SELECT t.*, k,
              CASE WHEN k = 0 OR t.status = 'TODO' THEN 'TODO' WHEN k = t.m THEN t.status ELSE 'IN_PROGRESS' END AS st,
              CASE WHEN k = 0 OR t.status = 'TODO' THEN 0 WHEN k = t.m THEN t.progress ELSE (round(t.pref * k::numeric / t.m / 5) * 5)::int END AS pr,
              CASE WHEN k = 0 THEN t."createdAt" WHEN k = t.m THEN t."updatedAt"
                   ELSE t."createdAt" + (t."updatedAt" - t."createdAt") * ((k - 1 + 0.2 + 0.6 * random()) / t.m) END AS at
         FROM t CROSS JOIN LATERAL generate_series(0, t.m) k
     )
     INSERT INTO "ActivityEvent" ("teamId", "planId", "taskId", "actorId", kind, "entityType", "entityId", before, after, "createdAt")
     SELECT "teamId", "planId", id, CASE WHEN k = 0 THEN $2 ELSE COALESCE("assigneeId", $2) END,
            CASE WHEN k = 0 THEN 'task.created' ELSE 'task.updated' END, 'task', id,
            CASE WHEN k = 0 THEN NULL ELSE jsonb_build_object('status', lag(st) OVER w, 'progress', lag(pr) OVER w) END,
            CASE WHEN k = 0 THEN jsonb_build_object('status', st, 'progress', pr, 'assigneeId', "assigneeId") ELSE jsonb_build_object('status', st, 'progress', pr) END,
            at
       FROM steps
     WINDOW w AS (PARTITION BY id ORDER BY k)
      ORDER BY at`,
    [team.teamId, OWNER_ID],
  );
}
