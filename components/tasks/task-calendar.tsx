"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { addDays, isoDay } from "@/components/tasks/timeline-math";

export type CalendarTask = {
  id: string;
  title: string;
  templateKey: string | null;
  dueDate: Date | null;
  isOverdue: boolean;
};

type Mode = "month" | "week";

/** The Monday on or before a date. */
function mondayOf(date: Date): Date {
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** The days a month view shows: whole weeks, Monday first, from the week of the 1st to the week of the last day. */
export function monthDays(anchor: Date): Date[] {
  const first = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const last = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 0));
  const days: Date[] = [];
  for (let d = mondayOf(first); d <= last || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Due dates on a month or week calendar; Previous and Next move by a month or a week. */
export function TaskCalendar({
  teamSlug,
  planId,
  tasks,
  today,
}: {
  teamSlug: string;
  planId: string;
  tasks: CalendarTask[];
  today: Date;
}) {
  const t = useTranslations("calendar");
  const format = useFormatter();
  const [mode, setMode] = useState<Mode>("month");
  const [anchor, setAnchor] = useState(today);
  const days = mode === "month" ? monthDays(anchor) : Array.from({ length: 7 }, (_, i) => addDays(mondayOf(anchor), i));
  const byDay = new Map<string, CalendarTask[]>();
  for (const task of tasks) {
    if (!task.dueDate) continue;
    const key = isoDay(task.dueDate);
    byDay.set(key, [...(byDay.get(key) ?? []), task]);
  }
  const step = (direction: 1 | -1) =>
    setAnchor((a) =>
      mode === "month"
        ? new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + direction, 1))
        : addDays(a, 7 * direction),
    );
  const title =
    mode === "month"
      ? format.dateTime(anchor, { month: "long", year: "numeric", timeZone: "UTC" })
      : t("weekOf", { date: format.dateTime(mondayOf(anchor), { dateStyle: "medium", timeZone: "UTC" }) });

  return (
    <section aria-labelledby="calendar-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            onClick={() => step(-1)}
          >
            {t("previous")}
          </button>
          <h3 id="calendar-title" className="min-w-40 text-center font-semibold" aria-live="polite">
            {title}
          </h3>
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            onClick={() => step(1)}
          >
            {t("next")}
          </button>
          <button
            type="button"
            className="rounded-md px-2 py-1 text-sm text-brand-700 underline"
            onClick={() => setAnchor(today)}
          >
            {t("today")}
          </button>
        </div>
        <div
          role="group"
          aria-label={t("mode")}
          className="flex gap-1 rounded-md border border-slate-300 bg-white p-0.5 text-sm"
        >
          {(["month", "week"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-3 py-1 ${mode === m ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {t(m)}
            </button>
          ))}
        </div>
      </div>
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-7">
        {days.map((day) => {
          const due = byDay.get(isoDay(day)) ?? [];
          const isOtherMonth = mode === "month" && day.getUTCMonth() !== anchor.getUTCMonth();
          const isToday = isoDay(day) === isoDay(today);
          return (
            <li
              key={isoDay(day)}
              className={`flex flex-col gap-1 bg-white p-1.5 text-xs ${mode === "week" ? "sm:min-h-48" : "sm:min-h-24"} ${isOtherMonth ? "hidden sm:flex sm:bg-slate-50" : ""} ${due.length === 0 ? "max-sm:hidden" : ""}`}
            >
              <span className={`font-medium ${isToday ? "text-red-700" : "text-slate-600"}`}>
                {format.dateTime(day, { weekday: "short", day: "numeric", timeZone: "UTC" })}
                {isToday ? ` · ${t("today")}` : ""}
              </span>
              <ul className="flex flex-col gap-1">
                {due.map((task) => (
                  <li key={task.id}>
                    <Link
                      href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
                      className={`block truncate rounded px-1 py-0.5 ${task.isOverdue ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-800"} hover:underline`}
                      title={task.title}
                    >
                      {task.templateKey ? `${task.templateKey} ` : ""}
                      {task.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
