"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import {
  FIELD_NAMES,
  inReaderLanguage,
  parseConflict,
  toFormValues,
  toSnapshot,
  type FieldName,
  type FormValues,
  type TaskSnapshot,
  type TemplateText,
} from "@/components/tasks/task-form-parts/snapshot";
import { patchTaskAction } from "@/lib/tasks/actions";

type Form = UseFormReturn<FormValues, unknown, FormValues>;

/** How long after the last change a field saves: text after a pause, choices at once (blur saves at once too). */
const DELAY_MS: Record<FieldName, number> = {
  title: 1200,
  description: 1200,
  areaCode: 0,
  pathCode: 0,
  dilemmas: 0,
  priority: 0,
  status: 0,
  assigneeId: 0,
  startDate: 600,
  dueDate: 600,
  progress: 600,
};
/** A select changed by arrow keys waits for a pause, Enter or leaving it, so stepping through options saves once. */
const KEYED_SELECT_DELAY_MS = 1000;
const SELECTS = new Set<FieldName>(["areaCode", "pathCode", "priority", "status", "assigneeId"]);
export const UNDO_MS = 10_000;
/** A save whose version went stale because someone changed other fields is retried on top of theirs this often at most. */
const MAX_ATTEMPTS = 4;

export type Clash = { theirs: TaskSnapshot; by: string | null };
export type UndoEntry = { field: FieldName; before: TaskSnapshot; after: TaskSnapshot; id: number };
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving"; field: FieldName }
  | { kind: "saved"; field: FieldName; undo: UndoEntry | null }
  | { kind: "invalid"; field: FieldName }
  | { kind: "conflicted"; field: FieldName }
  | { kind: "undoRefused"; field: FieldName }
  | { kind: "failed"; message: string };

const same = (field: FieldName, a: TaskSnapshot, b: TaskSnapshot) =>
  JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null);

export function fieldOf(name: string | undefined): FieldName | undefined {
  return name ? FIELD_NAMES.find((f) => name === f || name.startsWith(`${f}.`)) : undefined;
}

/**
 * Saves each field of the task form on its own as it changes (patchTaskAction),
 * one save at a time, each based on the version the page knows. A save refused
 * as stale because someone else changed other fields is retried on their
 * version; if they changed the same field, the user's input stays in the form
 * and the field is reported as a clash to resolve. Live updates of the page
 * (`initial` with a newer version) fill the fields the user is not changing.
 */
export function useAutosave({
  form,
  teamSlug,
  taskId,
  initial,
  lastEditorName,
  templateText,
  locale,
}: {
  form: Form;
  teamSlug: string;
  taskId: string;
  initial: TaskSnapshot;
  lastEditorName: string | null;
  templateText: TemplateText | null | undefined;
  locale: string;
}) {
  /** The task as the server has it, as far as this page knows. */
  const base = useRef<TaskSnapshot>(initial);
  const [clashes, setClashes] = useState<Partial<Record<FieldName, Clash>>>({});
  const clashesRef = useRef(clashes);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [formError, setFormError] = useState<string | null>(null);
  /** Fields changed by someone else in the last live update, with who did it. */
  const [liveChange, setLiveChange] = useState<{ fields: FieldName[]; by: string | null } | null>(null);
  const timers = useRef(new Map<FieldName, ReturnType<typeof setTimeout>>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const pendingLive = useRef<{ snapshot: TaskSnapshot; by: string | null } | null>(null);
  const lastKeyAt = useRef(0);
  const undoIds = useRef(0);

  const updateClashes = useCallback((update: (c: Partial<Record<FieldName, Clash>>) => typeof c) => {
    clashesRef.current = update(clashesRef.current);
    setClashes(clashesRef.current);
  }, []);

  /** The form as a snapshot, in the base's version. */
  const mine = useCallback(() => toSnapshot(form.getValues(), base.current.version), [form]);

  const isApplying = useRef(false);
  const setField = useCallback(
    (field: FieldName, snapshot: TaskSnapshot) => {
      isApplying.current = true;
      form.setValue(field, toFormValues(taskId, snapshot)[field]);
      isApplying.current = false;
      form.clearErrors(field);
    },
    [form, taskId],
  );

  /**
   * Takes `next` as the server's task: fields the user has not changed take its
   * values; a field the user has changed keeps the input, and is a clash when
   * `next` has a third value in it. Returns the fields that changed on the server.
   */
  const absorb = useCallback(
    (next: TaskSnapshot, { except, by }: { except?: FieldName; by: string | null }) => {
      const before = base.current;
      const input = mine();
      const changed = FIELD_NAMES.filter((f) => !same(f, before, next));
      for (const field of changed) {
        if (field === except) continue;
        if (same(field, input, before)) setField(field, next);
        else if (!same(field, input, next)) updateClashes((c) => ({ ...c, [field]: { theirs: next, by } }));
      }
      base.current = next;
      return changed;
    },
    [mine, setField, updateClashes],
  );

  const processLive = useCallback(() => {
    const live = pendingLive.current;
    pendingLive.current = null;
    if (!live || live.snapshot.version <= base.current.version) return;
    const changed = absorb(live.snapshot, { by: live.by });
    if (changed.length > 0) setLiveChange({ fields: changed, by: live.by });
  }, [absorb]);

  const saveNow = useCallback(
    async (field: FieldName) => {
      if (same(field, mine(), base.current)) {
        setStatus((s) => (s.kind === "saving" && s.field === field ? { kind: "idle" } : s));
        return;
      }
      // Someone else changed this field meanwhile: nothing is saved until the user chooses.
      if (clashesRef.current[field]) return setStatus({ kind: "conflicted", field });
      if (!(await form.trigger(field))) return setStatus({ kind: "invalid", field });
      setStatus({ kind: "saving", field });
      setFormError(null);
      inFlight.current += 1;
      try {
        let known = base.current;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const sent = mine();
          const value = form.getValues(field);
          const result = await patchTaskAction(teamSlug, { taskId, version: known.version, [field]: value });
          if (result.ok) {
            const saved = inReaderLanguage(result.data.task as TaskSnapshot, templateText, locale);
            const isUnchangedSince = same(field, mine(), sent);
            absorb(saved, { except: field, by: null });
            // The field shows what was stored (e.g. a trimmed title) unless the user typed on meanwhile.
            if (isUnchangedSince) setField(field, saved);
            const undo = { field, before: known, after: saved, id: ++undoIds.current };
            setStatus({ kind: "saved", field, undo });
            return;
          }
          if (result.code === "CONFLICT") {
            const parsed = parseConflict(result.details);
            if (parsed) {
              const current = inReaderLanguage(parsed, templateText, locale);
              const isTheirsToo = !same(field, current, known);
              absorb(current, { except: field, by: null });
              if (isTheirsToo) {
                updateClashes((c) => ({ ...c, [field]: { theirs: current, by: null } }));
                return setStatus({ kind: "conflicted", field });
              }
              // Someone changed other fields: this one applies on top of their version.
              known = current;
              continue;
            }
          }
          if (applyServerErrors(form.setError, result, FIELD_NAMES)) setStatus({ kind: "invalid", field });
          else {
            setFormError(result.message);
            setStatus({ kind: "failed", message: result.message });
          }
          return;
        }
        // The task kept changing under every retry: left unsaved in the form, as any failed save.
        setStatus({ kind: "failed", message: "" });
      } finally {
        inFlight.current -= 1;
        if (inFlight.current === 0) processLive();
      }
    },
    [absorb, form, locale, mine, processLive, setField, taskId, teamSlug, templateText, updateClashes],
  );

  const enqueue = useCallback(
    (field: FieldName) => {
      const timer = timers.current.get(field);
      if (timer) clearTimeout(timer);
      timers.current.delete(field);
      queue.current = queue.current
        .then(() => saveNow(field))
        .catch((error: unknown) => {
          setStatus({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        });
    },
    [saveNow],
  );

  const schedule = useCallback(
    (field: FieldName) => {
      const keyed = SELECTS.has(field) && Date.now() - lastKeyAt.current < 100;
      const delay = keyed ? KEYED_SELECT_DELAY_MS : DELAY_MS[field];
      const timer = timers.current.get(field);
      if (timer) clearTimeout(timer);
      if (delay === 0) return enqueue(field);
      timers.current.set(
        field,
        setTimeout(() => enqueue(field), delay),
      );
    },
    [enqueue],
  );

  /** Saves a field now if it has a change waiting (leaving it, Enter). */
  const flush = useCallback(
    (field: FieldName | undefined) => {
      if (field && timers.current.has(field)) enqueue(field);
    },
    [enqueue],
  );

  // Every change the user makes to a field schedules its save (values set by code do not, but a chosen @mention does).
  useEffect(() => {
    const subscription = form.watch((_values, { name, type }) => {
      const field = fieldOf(name);
      const isMention = field === "description" && type === undefined && !isApplying.current;
      if (field && (type === "change" || isMention)) schedule(field);
    });
    return () => subscription.unsubscribe();
  }, [form, schedule]);

  // A live update re-rendered the page with a newer version: merged once no save of this page is under way.
  useEffect(() => {
    if (initial.version <= base.current.version) return;
    pendingLive.current = { snapshot: initial, by: lastEditorName };
    if (inFlight.current === 0) processLive();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per version shown, with that render's values
  }, [initial.version]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  /** Saves the user's value of a clashing field over the other person's. */
  const keepMine = (field: FieldName) => {
    updateClashes((c) => {
      const { [field]: _resolved, ...rest } = c;
      return rest;
    });
    enqueue(field);
  };

  /** Puts the other person's (now saved) value of a clashing field in the form. */
  const useTheirs = (field: FieldName) => {
    updateClashes((c) => {
      const { [field]: _resolved, ...rest } = c;
      return rest;
    });
    setField(field, base.current);
    setStatus({ kind: "idle" });
  };

  /** Puts back the value a save replaced, saved like any edit; refused if someone changed the field since. */
  const undo = (entry: UndoEntry) => {
    if (!same(entry.field, base.current, entry.after) || !same(entry.field, mine(), entry.after)) {
      setStatus({ kind: "undoRefused", field: entry.field });
      return;
    }
    setField(entry.field, entry.before);
    enqueue(entry.field);
  };

  return {
    status,
    setStatus,
    clashes,
    formError,
    liveChange,
    dismissLiveChange: () => setLiveChange(null),
    keepMine,
    useTheirs,
    undo,
    flush,
    mine,
    /** For the form element: Enter on a select and leaving a field save at once; keys mark select changes as stepping. */
    handlers: {
      onKeyDownCapture: (e: React.KeyboardEvent<HTMLFormElement>) => {
        lastKeyAt.current = Date.now();
        const target = e.target as Element;
        if (e.key === "Enter" && target.tagName !== "TEXTAREA" && target.tagName !== "BUTTON") {
          e.preventDefault();
          flush(fieldOf(target.getAttribute("name") ?? undefined));
        }
      },
      onBlurCapture: (e: React.FocusEvent<HTMLFormElement>) =>
        flush(fieldOf((e.target as Element).getAttribute("name") ?? undefined)),
    },
  };
}
