import type { Role } from "@/generated/prisma/enums";

/** Every action a member can take in a team, and the roles allowed to take it. */
// Each name says what it gates; the README's role table is checked against this
// matrix (lib/authz.test.ts).
export const permissions = {
  "team.read": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "team.leave": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "team.update": ["OWNER", "ADMIN"],
  "team.delete": ["OWNER"],
  "team.export": ["OWNER"],
  "backups.view": ["OWNER"],
  "members.manage": ["OWNER", "ADMIN"],
  "owners.manage": ["OWNER"],
  "plans.create": ["OWNER", "ADMIN", "MEMBER"],
  "plans.lifecycle": ["OWNER", "ADMIN", "MEMBER"],
  "plans.update": ["OWNER", "ADMIN"],
  "plans.archive": ["OWNER", "ADMIN"],
  "plans.delete": ["OWNER", "ADMIN"],
  "tasks.write": ["OWNER", "ADMIN", "MEMBER"],
  "comments.write": ["OWNER", "ADMIN", "MEMBER"],
  "indicators.write": ["OWNER", "ADMIN", "MEMBER"],
  "readings.write": ["OWNER", "ADMIN", "MEMBER"],
  "diagnostics.take": ["OWNER", "ADMIN", "MEMBER"],
  "tokens.manage": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  follow: ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "views.save": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "views.share": ["OWNER", "ADMIN", "MEMBER"],
  "views.manageShared": ["OWNER", "ADMIN"],
  "tokens.manageOthers": ["OWNER", "ADMIN"],
  "webhooks.manage": ["OWNER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Whether a role may take an action. */
export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
