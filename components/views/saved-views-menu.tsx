"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, useConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createSavedViewAction, deleteSavedViewAction, renameSavedViewAction } from "@/lib/views/actions";
import { SAVED_VIEW_NAME_MAX } from "@/lib/validation/saved-view";

export type SavedViewItem = { id: string; name: string; query: string; shared: boolean; userId: string };

/** A change this soon after a key press on the select came from the keyboard (stepping through options). */
const KEYED_CHANGE_MS = 100;

type Editing = { mode: "save" } | { mode: "rename"; view: SavedViewItem };

/**
 * The plan's saved views: a select of "My views" and "Team views" (clicking one
 * opens its query; from the keyboard, Enter or Open does), "Save view" for the current query, and rename and delete for
 * the chosen view when the reader may change it. The active view is the one whose
 * query equals the page's (both normalised on the server).
 */
export function SavedViewsMenu({
  teamSlug,
  planId,
  basePath,
  mine,
  team,
  activeId,
  userId,
  canShare,
  canManageShared,
}: {
  teamSlug: string;
  planId: string;
  basePath: string;
  mine: SavedViewItem[];
  team: SavedViewItem[];
  activeId: string | null;
  userId: string;
  canShare: boolean;
  canManageShared: boolean;
}) {
  const t = useTranslations("planView.savedViews");
  const router = useRouter();
  const searchParams = useSearchParams();
  const selectId = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  const active = [...mine, ...team].find((v) => v.id === activeId) ?? null;
  const canRename = active !== null && active.userId === userId && (!active.shared || canShare);
  const canDelete = active !== null && (active.userId === userId || (active.shared && canManageShared));

  const open = (id: string) => {
    const view = [...mine, ...team].find((v) => v.id === id);
    if (view) router.push(`${basePath}?${view.query}`, { scroll: false });
  };
  // Arrow keys (and typing) on a closed select change its value option by option: that only picks a view,
  // which Enter or the Open button then opens. A click on an option (or a phone's picker) opens it at once.
  const [choice, setChoice] = useState<{ forActive: string | null; id: string }>({ forActive: activeId, id: "" });
  const chosenId = choice.forActive === activeId && choice.id ? choice.id : (activeId ?? "");
  const chosen = chosenId !== (activeId ?? "") ? [...mine, ...team].find((v) => v.id === chosenId) : undefined;
  const lastKeyAt = useRef(0);

  const remove = (view: SavedViewItem) =>
    confirm(t("deleteConfirm", { name: view.name }), () =>
      startTransition(async () => {
        setError(null);
        const result = await deleteSavedViewAction(teamSlug, { viewId: view.id });
        if (result.ok) router.refresh();
        else setError(result.message);
      }),
    );

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
          <label htmlFor={selectId} className="sr-only text-xs font-medium text-slate-700 md:not-sr-only">
            {t("label")}
          </label>
          <select
            id={selectId}
            value={chosenId}
            onKeyDown={(e) => {
              if (e.key === "Enter" && chosen) {
                e.preventDefault();
                open(chosen.id);
              } else lastKeyAt.current = Date.now();
            }}
            onChange={(e) => {
              setChoice({ forActive: activeId, id: e.target.value });
              if (Date.now() - lastKeyAt.current > KEYED_CHANGE_MS) open(e.target.value);
            }}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:w-56"
          >
            <option value="" disabled>
              {mine.length + team.length ? t("choose") : t("none")}
            </option>
            {mine.length ? (
              <optgroup label={t("mine")}>
                {mine.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {team.length ? (
              <optgroup label={t("team")}>
                {team.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        {chosen ? (
          <Button type="button" aria-label={t("openLabel", { name: chosen.name })} onClick={() => open(chosen.id)}>
            {t("open")}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={() => setEditing({ mode: "save" })}>
          {t("save")}
        </Button>
        {active && canRename ? (
          <Button type="button" variant="ghost" onClick={() => setEditing({ mode: "rename", view: active })}>
            {t("rename")}
          </Button>
        ) : null}
        {active && canDelete ? (
          <Button type="button" variant="ghost" isPending={isPending} onClick={() => remove(active)}>
            {t("delete")}
          </Button>
        ) : null}
      </div>
      <FormError message={error} />
      {editing ? (
        <ViewNameDialog
          editing={editing}
          canShare={canShare}
          onClose={() => setEditing(null)}
          onSubmit={async ({ name, shared }) => {
            const result =
              editing.mode === "save"
                ? await createSavedViewAction(teamSlug, { planId, name, shared, query: searchParams.toString() })
                : await renameSavedViewAction(teamSlug, { viewId: editing.view.id, name });
            if (result.ok) {
              setEditing(null);
              router.refresh();
            }
            return result;
          }}
        />
      ) : null}
      {confirmDialog}
    </div>
  );
}

type SubmitResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

function ViewNameDialog({
  editing,
  canShare,
  onClose,
  onSubmit,
}: {
  editing: Editing;
  canShare: boolean;
  onClose: () => void;
  onSubmit: (input: { name: string; shared: boolean }) => Promise<SubmitResult>;
}) {
  const t = useTranslations("planView.savedViews");
  const tc = useTranslations("common");
  const formId = useId();
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <Dialog
      title={editing.mode === "save" ? t("saveTitle") : t("renameTitle")}
      onClose={onClose}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" form={formId} isPending={isPending}>
            {editing.mode === "save" ? t("saveSubmit") : t("renameSubmit")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const value = data.get("name");
          const name = typeof value === "string" ? value : "";
          const shared = data.get("shared") === "on";
          startTransition(async () => {
            setNameError(undefined);
            setFormError(null);
            const result = await onSubmit({ name, shared });
            if (result.ok) return;
            if (result.fieldErrors?.name?.length) setNameError(result.fieldErrors.name[0]);
            else setFormError(result.message);
          });
        }}
      >
        <Field
          label={t("name")}
          name="name"
          id={`${formId}-name`}
          required
          maxLength={SAVED_VIEW_NAME_MAX}
          defaultValue={editing.mode === "rename" ? editing.view.name : ""}
          error={nameError}
          autoFocus
        />
        {editing.mode === "save" && canShare ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" className="size-4" />
            {t("share")}
          </label>
        ) : null}
        {editing.mode === "save" ? <p className="text-xs text-slate-600">{t("saveHint")}</p> : null}
        <FormError message={formError} />
      </form>
    </Dialog>
  );
}
