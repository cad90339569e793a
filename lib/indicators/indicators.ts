import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { indicatorProgress } from "@/lib/progress/formula";
import { getWritablePlan } from "@/lib/tasks/task-rules";
import { toDateInput } from "@/lib/validation/common";
import {
  addReadingSchema,
  correctReadingSchema,
  createIndicatorSchema,
  deleteIndicatorSchema,
  deleteReadingSchema,
  updateIndicatorSchema,
} from "@/lib/validation/indicator";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Adds an indicator to a writable plan of the team (MEMBER and up). */
export const createIndicator = defineOperation("indicators.write", createIndicatorSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: input.planId });
    const fields = {
      dilemmaCode: input.dilemmaCode,
      suggestedKey: input.suggestedKey ?? null,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      baseline: input.baseline,
      target: input.target,
      targetDate: input.targetDate ?? null,
    };
    const indicator = await tx.indicator.create({
      data: { teamId: ctx.team.id, planId: plan.id, ...fields },
      select: { id: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.created",
      planId: plan.id,
      indicatorId: indicator.id,
      after: { ...fields, targetDate: fields.targetDate ? toDateInput(fields.targetDate) : null },
    });
    return indicator;
  });
});

/** The team's indicator of a writable plan; another team's id or an archived plan is refused. */
async function getWritableIndicator(
  tx: Parameters<typeof getWritablePlan>[0],
  { teamId, indicatorId }: { teamId: string; indicatorId: string },
) {
  const indicator = await tx.indicator.findFirst({
    where: { id: indicatorId, teamId },
    select: { id: true, planId: true, name: true, dilemmaCode: true },
  });
  if (!indicator) throw new AppError("NOT_FOUND");
  await getWritablePlan(tx, { teamId, planId: indicator.planId });
  return indicator;
}

/** Records a dated reading of an indicator (MEMBER and up); the latest reading is the indicator's current value. */
export const addReading = defineOperation("readings.write", addReadingSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const indicator = await getWritableIndicator(tx, { teamId: ctx.team.id, indicatorId: input.indicatorId });
    const reading = await tx.indicatorReading.create({
      data: {
        teamId: ctx.team.id,
        indicatorId: indicator.id,
        value: input.value,
        recordedOn: input.recordedOn,
        note: input.note,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.reading_added",
      planId: indicator.planId,
      readingId: reading.id,
      after: { indicatorId: indicator.id, value: input.value, recordedOn: toDateInput(input.recordedOn) },
    });
    return reading;
  });
});

/** Edits an indicator's name, unit, direction, baseline, target and target date (MEMBER and up). */
export const updateIndicator = defineOperation("indicators.write", updateIndicatorSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const { id, planId } = await getWritableIndicator(tx, { teamId: ctx.team.id, indicatorId: input.indicatorId });
    const select = { name: true, unit: true, direction: true, baseline: true, target: true, targetDate: true } as const;
    const before = await tx.indicator.findUniqueOrThrow({ where: { id }, select });
    const fields = {
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      baseline: input.baseline,
      target: input.target,
      targetDate: input.targetDate ?? null,
    };
    await tx.indicator.update({ where: { id }, data: fields });
    const shown = (v: typeof fields) => ({
      ...v,
      baseline: Number(v.baseline),
      target: Number(v.target),
      targetDate: v.targetDate ? toDateInput(v.targetDate) : null,
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.updated",
      planId,
      indicatorId: id,
      before: shown({ ...before, baseline: Number(before.baseline), target: Number(before.target) }),
      after: shown(fields),
    });
    return { id };
  });
});

/** A reading of an indicator of a writable plan of the team. */
async function getWritableReading(
  tx: Parameters<typeof getWritablePlan>[0],
  { teamId, indicatorId, readingId }: { teamId: string; indicatorId: string; readingId: string },
) {
  const indicator = await getWritableIndicator(tx, { teamId, indicatorId });
  const reading = await tx.indicatorReading.findFirst({
    where: { id: readingId, indicatorId: indicator.id, teamId },
    select: { id: true, value: true, recordedOn: true, note: true },
  });
  if (!reading) throw new AppError("NOT_FOUND");
  const shown = { indicatorId, value: Number(reading.value), recordedOn: toDateInput(reading.recordedOn) };
  return { indicator, reading, shown: { ...shown, note: reading.note } };
}

/** Corrects a reading's value, day and note (MEMBER and up); the log keeps what it was. */
export const correctReading = defineOperation("readings.write", correctReadingSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const { indicator, reading, shown } = await getWritableReading(tx, { teamId: ctx.team.id, ...input });
    await tx.indicatorReading.update({
      where: { id: reading.id },
      data: { value: input.value, recordedOn: input.recordedOn, note: input.note },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.reading_corrected",
      planId: indicator.planId,
      readingId: reading.id,
      before: shown,
      after: {
        indicatorId: indicator.id,
        value: input.value,
        recordedOn: toDateInput(input.recordedOn),
        note: input.note,
      },
    });
    return { id: reading.id };
  });
});

/** Deletes a reading (MEMBER and up); the indicator's current value falls back to the latest one left. */
export const deleteReading = defineOperation("readings.write", deleteReadingSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const { indicator, reading, shown } = await getWritableReading(tx, { teamId: ctx.team.id, ...input });
    await tx.indicatorReading.delete({ where: { id: reading.id } });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.reading_deleted",
      planId: indicator.planId,
      readingId: reading.id,
      before: { indicatorId: shown.indicatorId, value: shown.value, recordedOn: shown.recordedOn },
    });
    return { id: reading.id };
  });
});

/** Deletes an indicator with its readings (MEMBER and up). */
export const deleteIndicator = defineOperation("indicators.write", deleteIndicatorSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const indicator = await getWritableIndicator(tx, { teamId: ctx.team.id, indicatorId: input.indicatorId });
    await tx.indicator.delete({ where: { id: indicator.id } });
    await recordEvent(tx, actorOf(ctx), {
      kind: "indicator.deleted",
      planId: indicator.planId,
      indicatorId: indicator.id,
      before: { name: indicator.name, dilemmaCode: indicator.dilemmaCode },
    });
    return { id: indicator.id };
  });
});

/** A plan's indicators (by dilemma, then creation) with their readings oldest first, current value and progress from the latest reading. */
export async function findIndicators({ teamId, planId }: { teamId: string; planId: string }) {
  const rows = await db.indicator.findMany({
    where: { teamId, planId },
    orderBy: [{ dilemmaCode: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dilemmaCode: true,
      suggestedKey: true,
      name: true,
      unit: true,
      direction: true,
      baseline: true,
      target: true,
      targetDate: true,
      readings: {
        where: { teamId },
        orderBy: [{ recordedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, value: true, recordedOn: true, note: true, createdBy: { select: { name: true } } },
      },
    },
  });
  return rows.map((row) => {
    const baseline = Number(row.baseline);
    const target = Number(row.target);
    const readings = row.readings.map((r) => ({
      id: r.id,
      value: Number(r.value),
      recordedOn: toDateInput(r.recordedOn),
      note: r.note,
      recordedBy: r.createdBy?.name ?? null,
    }));
    const latest = readings.at(-1) ?? null;
    const current = latest ? latest.value : null;
    return {
      id: row.id,
      dilemmaCode: row.dilemmaCode,
      suggestedKey: row.suggestedKey,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      baseline,
      target,
      targetDate: row.targetDate ? toDateInput(row.targetDate) : null,
      readings,
      current,
      currentOn: latest ? latest.recordedOn : null,
      progress: indicatorProgress({ baseline, target, current }),
    };
  });
}

export type IndicatorWithReadings = Awaited<ReturnType<typeof findIndicators>>[number];
