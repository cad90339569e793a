import type { PlanStatus, Role } from "@/generated/prisma/enums";

/**
 * Every kind of event the activity log holds, with its payload: the contract that
 * the task history, the trend replay (lib/progress/queries.ts reads `status` and
 * `progress` of task events), live updates and webhooks read. Dates are
 * "YYYY-MM-DD" strings. Write events only through recordEvent (lib/events/record.ts).
 */

/** A dilemma code as stored (a catalog code; older rows hold plain strings). */
type DilemmaLink = { dilemmaCode: string; weight: number };

/** Task fields as the log records them (a task.updated holds only the changed ones). */
export type TaskFields = {
  title?: string;
  description?: string;
  areaCode?: string;
  pathCode?: string;
  priority?: string;
  status?: string;
  assigneeId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  progress?: number;
  dilemmas?: DilemmaLink[];
};

type TaskEvent =
  | {
      kind: "task.created";
      planId: string;
      taskId: string;
      after: {
        title: string;
        status: string;
        progress: number;
        assigneeId?: string | null;
        dilemmas?: DilemmaLink[];
        templateKey?: string | null;
        copiedFrom?: string;
      };
    }
  | {
      kind: "task.updated";
      planId: string;
      taskId: string;
      before: TaskFields;
      /** `reason` says why a change was not a person's edit (e.g. the assignee left the team). */
      after: TaskFields & { reason?: "member_left" };
    }
  | {
      kind: "task.deleted";
      planId: string;
      taskId: string;
      before: { title: string; status: string; progress: number };
    }
  /** A "blocked by" link added to or removed from the task (`taskId` is the blocked task). */
  | { kind: "task.dependency_added"; planId: string; taskId: string; after: DependencyLink }
  | { kind: "task.dependency_removed"; planId: string; taskId: string; before: DependencyLink };

/** The blocker of a dependency, with its title when the link changed. */
type DependencyLink = { blockerId: string; blockerTitle: string };

type CommentEvent = {
  kind: "comment.created" | "comment.edited" | "comment.deleted";
  planId: string;
  taskId: string;
  commentId: string;
};

type PlanEvent =
  | {
      kind: "plan.created";
      planId: string;
      /** A new plan from the wizard or the API, or a copy of another plan. */
      after: { title: string; status: string; templates?: string[] } | { copiedFrom: string };
    }
  | { kind: "plan.updated"; planId: string; before: Record<string, unknown>; after: Record<string, unknown> }
  | { kind: "plan.status_changed"; planId: string; before: { status: PlanStatus }; after: { status: PlanStatus } }
  | { kind: "plan.deleted"; planId: string; before: { title: string; taskCount?: number } };

type IndicatorEvent =
  | { kind: "indicator.created"; planId: string; indicatorId: string; after: Record<string, unknown> }
  | {
      kind: "indicator.updated";
      planId: string;
      indicatorId: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }
  | { kind: "indicator.deleted"; planId: string; indicatorId: string; before: { name: string; dilemmaCode: string } }
  | {
      kind: "indicator.reading_added";
      planId: string;
      readingId: string;
      after: { indicatorId: string; value: number; recordedOn: string };
    }
  | {
      kind: "indicator.reading_corrected";
      planId: string;
      readingId: string;
      before: { indicatorId: string; value: number; recordedOn: string; note: string };
      after: { indicatorId: string; value: number; recordedOn: string; note: string };
    }
  | {
      kind: "indicator.reading_deleted";
      planId: string;
      readingId: string;
      before: { indicatorId: string; value: number; recordedOn: string };
    };

type MemberEvent =
  | { kind: "invitation.created" | "invitation.accepted"; invitationId: string; after: { email: string; role: Role } }
  | { kind: "invitation.revoked"; invitationId: string; before: { email: string; role: Role } }
  | { kind: "invitation.renewed"; invitationId: string; after: { email: string } }
  | {
      kind: "member.role_changed";
      membershipId: string;
      before: { userId: string; role: Role };
      after: { userId: string; role: Role };
    }
  | { kind: "member.removed" | "member.left"; membershipId: string; before: { userId: string; role: Role } };

type TeamLevelEvent =
  | { kind: "team.created"; after: { name: string; slug: string } }
  | { kind: "team.updated"; before: { name: string; slug: string }; after: { name: string; slug: string } }
  | { kind: "team.deleted"; before: { name: string; slug: string } }
  | {
      kind: "api_token.created";
      tokenId: string;
      after: { name: string; prefix: string; roleCeiling: Role; expiresAt: Date | string | null };
    }
  | { kind: "api_token.revoked"; tokenId: string; before: { name: string } }
  | { kind: "diagnostic.taken"; diagnosticId: string; after: { maturity: Record<string, number> } };

/** An event inside one team. */
export type TeamEvent = TaskEvent | CommentEvent | PlanEvent | IndicatorEvent | MemberEvent | TeamLevelEvent;
export type TeamEventKind = TeamEvent["kind"];

/** Every team event kind, for readers that check what they get (a missing or unknown kind fails to compile). */
export const TEAM_EVENT_KINDS = [
  "task.created",
  "task.updated",
  "task.deleted",
  "task.dependency_added",
  "task.dependency_removed",
  "comment.created",
  "comment.edited",
  "comment.deleted",
  "plan.created",
  "plan.updated",
  "plan.status_changed",
  "plan.deleted",
  "indicator.created",
  "indicator.updated",
  "indicator.deleted",
  "indicator.reading_added",
  "indicator.reading_corrected",
  "indicator.reading_deleted",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "invitation.renewed",
  "member.role_changed",
  "member.removed",
  "member.left",
  "team.created",
  "team.updated",
  "team.deleted",
  "api_token.created",
  "api_token.revoked",
  "diagnostic.taken",
] as const satisfies readonly TeamEventKind[];
type MissingKind = Exclude<TeamEventKind, (typeof TEAM_EVENT_KINDS)[number]>;
export const everyTeamEventKindListed: [MissingKind] extends [never] ? true : MissingKind = true;

/** The event types integrators get, in the changes feed and by webhook (API tokens' own events are not among them). */
export const FEED_EVENT_TYPES = TEAM_EVENT_KINDS.filter((k) => !k.startsWith("api_token.")) as [
  TeamEventKind,
  ...TeamEventKind[],
];

/** An event of a person's account, outside any team. */
export type UserEvent = {
  kind:
    | "user.signed_up"
    | "user.sign_up_attempted"
    | "user.signed_in"
    | "user.password_changed"
    | "user.password_reset_requested"
    | "user.password_reset";
};
