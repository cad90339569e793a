// With DATABASE_READ_URL set, the dashboard aggregates read through it and
// everything else through DATABASE_URL. The "replica" here is the same database
// reached as a role that may only SELECT, as on a replica; taking that role's
// access away shows which queries go through it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const primaryUrl = process.env.DATABASE_URL ?? "";
const role = `pathwise_reader_${randomBytes(4).toString("hex")}`;
const readUrl = (() => {
  const u = new URL(primaryUrl);
  u.username = role;
  u.password = "reader-password";
  return u.toString();
})();

async function asAdmin(sql: string) {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Set before the app's modules load: lib/env.ts reads the environment once.
process.env.DATABASE_READ_URL = readUrl;
const { db, dbRead } = await import("@/lib/db");
const { getTeamDashboard } = await import("@/lib/progress/team-dashboard");
const { findDueTasks } = await import("@/lib/progress/workload");
const { cleanupTestData, createTestPlan, createTestTask, createTestTeam } = await import("@/lib/testing/factories");

describe("DATABASE_READ_URL", () => {
  beforeAll(async () => {
    await asAdmin(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-password'`);
    await asAdmin(`GRANT USAGE ON SCHEMA public TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
  });

  afterAll(async () => {
    await dbRead.$disconnect();
    await asAdmin(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    await cleanupTestData();
  });

  it("serves the dashboards from the read connection and writes through the primary", async () => {
    expect(dbRead).not.toBe(db);
    const team = await createTestTeam();
    const plan = await createTestPlan({ teamId: team.id });
    await createTestTask({ teamId: team.id, planId: plan.id, status: "DONE", progress: 100 });

    const dashboard = await getTeamDashboard({ teamId: team.id });
    expect(dashboard.plans.map((p) => p.id)).toEqual([plan.id]);
    const [who] = await dbRead.$queryRaw<{ user: string }[]>`SELECT current_user::text AS "user"`;
    expect(who?.user).toBe(role);

    await asAdmin(`REVOKE SELECT ON "Task" FROM ${role}`);
    await expect(getTeamDashboard({ teamId: team.id })).rejects.toThrow(/permission denied/);
    await expect(findDueTasks({ teamId: team.id, planId: plan.id, today: new Date() })).rejects.toThrow(
      /permission denied/,
    );
    // The primary is untouched: writes and reads of the same tables still work.
    await createTestTask({ teamId: team.id, planId: plan.id });
    expect(await db.task.count({ where: { planId: plan.id } })).toBe(2);
  });
});
