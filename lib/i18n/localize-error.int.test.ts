import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/actions/route-handler";
import { toActionError } from "@/lib/actions/server-action";
import { AppError, type ActionResult } from "@/lib/errors";
import { localizeError } from "@/lib/i18n/localize-error";
import { createTask } from "@/lib/tasks/create-task";
import { updatePlan } from "@/lib/plans/update-plan";
import {
  appErrorOf,
  cleanupTestData,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

let team: { id: string; slug: string };
let ownerId: string;
let planId: string;

beforeAll(async () => {
  const owner = await createTestUser();
  ownerId = owner.id;
  team = await createTestTeam({ ownerId });
  planId = (await createTestPlan({ teamId: team.id })).id;
});

/** A task input with a blank title, an out-of-range weight, progress 150 and an unknown area. */
function badTask() {
  return {
    planId,
    title: "   ",
    description: "",
    areaCode: "R9",
    pathCode: "P1",
    dilemmas: [{ dilemmaCode: "D1", weight: 5 }],
    priority: "MEDIUM",
    status: "TODO",
    assigneeId: null,
    dueDate: "",
    progress: 150,
  } as unknown as Parameters<typeof runAs<typeof createTask.schema, { id: string }>>[3];
}

/** The field errors of a failed action result. */
async function fieldsOf(result: Promise<ActionResult<never>>) {
  const settled = await result;
  return settled.ok ? undefined : settled.fieldErrors;
}

describe("errors in the reader's language", () => {
  it("a zod refusal from the guard: the server action result has the message and every field in Chinese", async () => {
    const error = await appErrorOf(runAs(createTask, ownerId, team.slug, badTask()));
    const result = await toActionError(error, "zh-CN");
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "请检查标出的字段。",
      fieldErrors: {
        title: ["请输入标题。"],
        areaCode: ["请选择建议领域。"],
        "dilemmas.0.weight": ["权重为 1–3。"],
        progress: ["进度为 0–100。"],
      },
    });
    const english = await toActionError(error, "en");
    expect(english).toMatchObject({
      message: "Please check the highlighted fields.",
      fieldErrors: { title: ["Enter a title."], progress: ["Progress is 0–100."] },
    });
  });

  it("the JSON API keeps { error: { code, message, fields } } with message and fields in the request's language", async () => {
    const error = await appErrorOf(runAs(createTask, ownerId, team.slug, badTask()));
    const response = await errorResponse(error, "zh-CN");
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; message: string; fields: Record<string, string[]> };
    };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toBe("请检查标出的字段。");
    expect(body.error.fields.title).toEqual(["请输入标题。"]);
    expect(Object.keys(body.error).sort()).toEqual(["code", "fields", "message"]);
  });

  it("values inside a message survive translation (a date, a length limit with locale digits)", async () => {
    await createTestTask({ teamId: team.id, planId, dueDate: new Date("2026-01-15T00:00:00Z") });
    const edit = {
      planId,
      version: 1,
      title: "x".repeat(201),
      description: "",
      startDate: "2026-02-01",
      targetDate: "2026-11-30",
    };
    const tooLong = await appErrorOf(runAs(updatePlan, ownerId, team.slug, edit));
    expect((await fieldsOf(toActionError(tooLong, "en")))?.title).toEqual(["Use at most 200 characters."]);
    expect((await fieldsOf(toActionError(tooLong, "zh-CN")))?.title).toEqual(["最多输入 200 个字符。"]);
    const dueBefore = await appErrorOf(runAs(updatePlan, ownerId, team.slug, { ...edit, title: "Later" }));
    expect((await fieldsOf(toActionError(dueBefore, "zh-CN")))?.startDate?.[0]).toBe(
      "部分任务的截止日期早于此日期（最早为 2026-01-15）。请先调整这些任务的截止日期。",
    );
  });

  it("another team's plan and a missing one answer the same translated 404", async () => {
    const other = await createTestTeam();
    const foreignPlan = await createTestPlan({ teamId: other.id });
    const foreign = await appErrorOf(
      runAs(createTask, ownerId, team.slug, {
        ...badTask(),
        title: "Ok",
        areaCode: "R1",
        progress: 0,
        dilemmas: [{ dilemmaCode: "D1", weight: 1 }],
        planId: foreignPlan.id,
      }),
    );
    const response = await errorResponse(foreign, "zh-CN");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "未找到。" } });
  });

  it("a data function's own message key is translated; unexpected errors are INTERNAL with a reference", async () => {
    expect(localizeError(new AppError("FORBIDDEN", { userMessage: "planArchived" }), "zh-CN").message).toBe(
      "此计划已归档，只读。",
    );
    const internal = localizeError(new Error("boom"), "zh-CN");
    expect(internal.code).toBe("INTERNAL");
    expect(internal.message).toMatch(/^出了点问题（参考编号 [0-9a-f]{8}）。$/);
    const response = await errorResponse(new Error("boom"), "en");
    expect(response.status).toBe(500);
  });
});
