"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useMentions, type Mentionable } from "@/components/mentions/use-mentions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Markdown } from "@/components/ui/markdown";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/errors";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/tasks/actions";
import { commentSchema } from "@/lib/validation/task";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

export type TaskComment = {
  id: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string } | null;
};

const bodySchema = commentSchema.pick({ body: true });
type BodyInput = z.input<typeof bodySchema>;

/** A comment textarea with its submit button; also used to edit a comment in place. */
function CommentEditor({
  id,
  label,
  hideLabel,
  placeholder,
  submitLabel,
  defaultBody = "",
  onSave,
  onCancel,
  cancelLabel,
  members,
}: {
  members: Mentionable[];
  id: string;
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  submitLabel: string;
  defaultBody?: string;
  onSave: (body: string) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const t = useTranslations("mentions");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<BodyInput>({
    resolver: useLocalizedResolver(zodResolver(bodySchema, { error: zodErrorMap })),
    defaultValues: { body: defaultBody },
  });
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const mentions = useMentions(members, (text, caret) => {
    form.setValue("body", text, { shouldDirty: true });
    // At once: a caret set a frame later would land behind what the person typed meanwhile.
    textarea.current?.setSelectionRange(caret, caret);
  });
  const { ref: registerRef, ...bodyField } = form.register("body");
  const onSubmit = form.handleSubmit(({ body }) => {
    setError(null);
    startTransition(async () => {
      const result = await onSave(body);
      if (result.ok) return form.reset({ body: onCancel ? body : "" });
      if (!applyServerErrors(form.setError, result, ["body"], { focus: true })) setError(result.message);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <HydratedFieldset>
        <FormError message={error} />
        <Textarea
          id={id}
          label={label}
          hideLabel={hideLabel}
          placeholder={placeholder}
          rows={3}
          error={form.formState.errors.body?.message}
          hint={t("mentionHint")}
          {...mentions.inputProps}
          onKeyDown={(e) => {
            if (mentions.onKeyDown(e)) return;
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
            if (e.key === "Escape" && onCancel) onCancel();
          }}
          {...bodyField}
          ref={(el) => {
            registerRef(el);
            textarea.current = el;
          }}
        />
        {mentions.list(() => form.getValues("body"))}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" isPending={isPending}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" variant="ghost" onClick={onCancel}>
              {cancelLabel}
            </Button>
          ) : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}

function CommentItem({
  teamSlug,
  comment,
  isOwn,
  canComment,
  now,
  members,
}: {
  members: Mentionable[];
  teamSlug: string;
  comment: TaskComment;
  isOwn: boolean;
  canComment: boolean;
  now: Date;
}) {
  const t = useTranslations("task.comments");
  const format = useFormatter();
  const [isEditing, setIsEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isDeleting, startDelete] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  const isEdited = comment.updatedAt.getTime() - comment.createdAt.getTime() > 1000;
  const authorName = comment.author?.name ?? t("deletedUser");

  return (
    <li id={`comment-${comment.id}`} className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-slate-900">{authorName}</span>
        {isOwn ? <span className="text-xs text-slate-500">({t("you")})</span> : null}
        <time
          dateTime={comment.createdAt.toISOString()}
          title={format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          className="text-xs text-slate-600"
        >
          {format.relativeTime(comment.createdAt, now)}
        </time>
        {isEdited ? <span className="text-xs text-slate-500">· {t("edited")}</span> : null}
      </div>
      {isEditing ? (
        <CommentEditor
          members={members}
          id={`comment-edit-${comment.id}`}
          label={t("editLabel")}
          hideLabel
          submitLabel={t("save")}
          cancelLabel={t("cancel")}
          defaultBody={comment.body}
          onCancel={() => setIsEditing(false)}
          onSave={async (body) => {
            const result = await editCommentAction(teamSlug, comment.id, body);
            if (result.ok) setIsEditing(false);
            return result;
          }}
        />
      ) : (
        <Markdown
          text={comment.body}
          className="text-sm text-slate-800"
          memberNames={Object.fromEntries(members.map((m) => [m.id, m.name]))}
        />
      )}
      {isOwn && canComment && !isEditing ? (
        <div className="flex gap-1">
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setIsEditing(true)}>
            {t("edit")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1 text-xs text-red-700"
            isPending={isDeleting}
            onClick={() =>
              confirm(t("confirmDelete"), () => {
                setError(null);
                startDelete(async () => {
                  const result = await deleteCommentAction(teamSlug, comment.id);
                  if (!result.ok) setError(result.message);
                });
              })
            }
          >
            {t("delete")}
          </Button>
          {confirmDialog}
        </div>
      ) : null}
      <FormError message={error} />
    </li>
  );
}

/** A task's comments, oldest first, with a form to add one and edit/delete for one's own. */
export function TaskComments({
  teamSlug,
  taskId,
  comments,
  currentUserId,
  canComment,
  now,
  members,
}: {
  /** The team's members: the ones a comment can mention. */
  members: Mentionable[];
  teamSlug: string;
  taskId: string;
  comments: TaskComment[];
  currentUserId: string;
  canComment: boolean;
  /** The server's "now", so relative times match between server and browser. */
  now: Date;
}) {
  const t = useTranslations("task.comments");
  return (
    <div className="flex flex-col gap-3">
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              teamSlug={teamSlug}
              comment={comment}
              isOwn={comment.author?.id === currentUserId}
              canComment={canComment}
              now={now}
              members={members}
            />
          ))}
        </ul>
      )}
      {canComment ? (
        <CommentEditor
          members={members}
          id="new-comment"
          label={t("label")}
          placeholder={t("placeholder")}
          submitLabel={t("submit")}
          onSave={(body) => addCommentAction(teamSlug, taskId, body)}
        />
      ) : null}
    </div>
  );
}
