"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/errors";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/tasks/actions";
import { commentSchema } from "@/lib/validation/task";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";

export type TaskComment = {
  id: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string } | null;
};

// Code first, so nothing inside backticks is formatted; URLs stop at whitespace, quotes and angle brackets.
const INLINE = /`([^`\n]+)`|\*\*(?!\s)([^*\n]+?)(?<!\s)\*\*|\*(?!\s)([^*\n]+?)(?<!\s)\*|(https?:\/\/[^\s<>"'`]+)/g;

function splitTrailing(url: string): [string, string] {
  const match = /[.,;:!?'")\]]+$/.exec(url);
  if (!match) return [url, ""];
  let cut = match.index;
  // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
  if (url[cut] === ")" && url.slice(0, cut).includes("(")) cut += 1;
  return [url.slice(0, cut), url.slice(cut)];
}

/**
 * Renders comment text with **bold**, *italic*, `code` and bare http(s) links as
 * React elements; everything else stays text, so markup in a comment is never HTML.
 */
export function renderCommentText(text: string, keyPrefix = "c", depth = 0): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, bold, italic, url] = match;
    const index = match.index;
    if (index > last) out.push(text.slice(last, index));
    const key = `${keyPrefix}-${index}`;
    if (code !== undefined) {
      out.push(
        <code key={key} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">
          {code}
        </code>,
      );
    } else if (bold !== undefined) {
      out.push(<strong key={key}>{depth < 2 ? renderCommentText(bold, key, depth + 1) : bold}</strong>);
    } else if (italic !== undefined) {
      out.push(<em key={key}>{depth < 2 ? renderCommentText(italic, key, depth + 1) : italic}</em>);
    } else if (url !== undefined) {
      const [href, trailing] = splitTrailing(url);
      out.push(
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow ugc"
          className="break-all text-brand-700 underline hover:text-brand-800"
        >
          {href}
        </a>,
      );
      if (trailing) out.push(trailing);
    }
    last = index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

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
}: {
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
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<BodyInput>({
    resolver: useLocalizedResolver(zodResolver(bodySchema, { error: zodErrorMap })),
    defaultValues: { body: defaultBody },
  });
  const onSubmit = form.handleSubmit(({ body }) => {
    setError(null);
    startTransition(async () => {
      const result = await onSave(body);
      if (result.ok) return form.reset({ body: onCancel ? body : "" });
      const fieldError = result.fieldErrors?.body?.[0];
      if (fieldError) form.setError("body", { message: fieldError }, { shouldFocus: true });
      else setError(result.message);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <FormError message={error} />
      <Textarea
        id={id}
        label={label}
        hideLabel={hideLabel}
        placeholder={placeholder}
        rows={3}
        error={form.formState.errors.body?.message}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
          if (e.key === "Escape" && onCancel) onCancel();
        }}
        {...form.register("body")}
      />
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
    </form>
  );
}

function CommentItem({
  teamSlug,
  comment,
  isOwn,
  canComment,
  now,
}: {
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
        <p className="whitespace-pre-wrap break-words text-sm text-slate-800">
          {renderCommentText(comment.body, comment.id)}
        </p>
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
}: {
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
            />
          ))}
        </ul>
      )}
      {canComment ? (
        <CommentEditor
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
