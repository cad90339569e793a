/** What a key press asks for, or null: Ctrl/Cmd+K anywhere; single keys only outside text fields. */
export type ShortcutAction = "palette" | "search" | "new" | "help" | "next" | "previous" | "edit";

export type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">;

function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable === true;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") return "palette";
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  switch (event.key) {
    case "/":
      return "search";
    case "c":
      return "new";
    case "?":
      return "help";
    case "j":
      return "next";
    case "k":
      return "previous";
    case "e":
      return "edit";
    default:
      return null;
  }
}

/** The team slug of a path under /t/<slug>, or null. */
export function teamOfPath(pathname: string): string | null {
  return /^\/t\/([^/]+)/.exec(pathname)?.[1] ?? null;
}

/** The plan id of a path under /t/<slug>/plans/<id> (not "new"), or null. */
export function planOfPath(pathname: string): string | null {
  const id = /^\/t\/[^/]+\/plans\/([^/?]+)/.exec(pathname)?.[1] ?? null;
  return id === "new" ? null : id;
}

/** The shortcuts as the help lists them: keys and the message key of what they do. */
export const SHORTCUTS = [
  { keys: ["Ctrl", "K"], label: "palette" },
  { keys: ["/"], label: "search" },
  { keys: ["c"], label: "new" },
  { keys: ["j"], label: "next" },
  { keys: ["k"], label: "previous" },
  { keys: ["e"], label: "edit" },
  { keys: ["?"], label: "help" },
] as const;
