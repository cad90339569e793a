/**
 * A mention in Markdown (a comment or a task description) is stored as
 * `@[Name](user:<id>)`: the id is what counts (a renamed member is still the
 * one mentioned; readers show the current name), the name keeps the text
 * readable where it is shown raw. Safe to import from client code.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,120})\]\(user:([a-z0-9]{1,40})\)/g;

/** The text of a mention of a member. Brackets in a name are dropped so the token stays well-formed. */
export function mentionToken(member: { id: string; name: string }): string {
  const name = member.name.replace(/[[\]\n]/g, "").trim() || member.id;
  return `@[${name.slice(0, 120)}](user:${member.id})`;
}

/** The ids of the people a text mentions, each once, in order of first mention. */
export function mentionedUserIds(text: string | null | undefined): string[] {
  if (!text) return [];
  const ids = new Set<string>();
  for (const match of text.matchAll(MENTION_PATTERN)) if (match[2]) ids.add(match[2]);
  return [...ids];
}
