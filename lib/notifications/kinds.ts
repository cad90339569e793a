/** Every kind of notification a person can get, each with its own preference (in app / email / off). */
export const NOTICE_KINDS = [
  "task.assigned",
  "task.status_changed",
  "task.commented",
  "mention",
  "task.due_soon",
  "task.overdue",
  "member.role_changed",
  "webhook.disabled",
  "weeklyDigest",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const isNoticeKind = (value: string): value is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(value);

/** The channel of a kind nobody chose for: in the app and by mail. */
export const DEFAULT_CHANNEL = "EMAIL" as const;

/** A kind's message key (next-intl keys cannot hold dots): "task.assigned" → "task_assigned". */
export const kindMessageKey = (kind: NoticeKind) => kind.replace(".", "_") as Replace<NoticeKind>;
type Replace<K extends string> = K extends `${infer A}.${infer B}` ? `${A}_${B}` : K;
