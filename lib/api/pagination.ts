import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { textSchema } from "@/lib/validation/common";

/** The query parameters of every list: a cursor and a page size. */
export const pageQueryShape = {
  cursor: textSchema
    .max(400)
    .optional()
    .describe(
      "`nextCursor` of the previous page of the same list with the same filters (a cursor of another list or other filters is a 400)",
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size, 1–200 (default 50)"),
};

/** A page of a list: every list of the API answers in this shape. */
export type Page<T> = { data: T[]; nextCursor: string | null; hasMore: boolean };

/** What a cursor is bound to: the list and its filters (not the page size), hashed. */
function queryHash(query: unknown): string {
  return createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 22);
}

/**
 * Reads a cursor: the sort key of the last row of the previous page. A cursor
 * that is not one of ours, or one made for another list or other filters
 * (`query`), is BAD_REQUEST: following it would skip or repeat rows.
 */
export function readCursor(query: unknown, cursor: string | undefined): string[] | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = null;
  }
  const parsed = z.object({ k: z.array(z.string().max(64)).min(1).max(3), q: z.string() }).safeParse(value);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", {
      userMessage: msg("apiCursorInvalid"),
      fieldErrors: { cursor: [msg("apiCursorInvalid")] },
    });
  if (parsed.data.q !== queryHash(query))
    throw new AppError("BAD_REQUEST", {
      userMessage: msg("apiCursorOtherQuery"),
      fieldErrors: { cursor: [msg("apiCursorOtherQuery")] },
    });
  return parsed.data.k;
}

/**
 * A page from rows read with `take: limit + 1` in the order of `keyOf`: the
 * extra row only tells that there is more. The cursor carries the last row's
 * key and the hash of the query.
 */
export function pageOf<R, T>(
  rows: R[],
  { limit, query, keyOf, map }: { limit: number; query: unknown; keyOf: (row: R) => string[]; map: (row: R) => T },
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return {
    data: page.map(map),
    nextCursor: hasMore
      ? Buffer.from(JSON.stringify({ k: keyOf(last), q: queryHash(query) })).toString("base64url")
      : null,
    hasMore,
  };
}

/** The Prisma condition "after this (createdAt, id)" for lists in creation order. */
export function afterCreated(key: string[] | undefined) {
  if (!key) return {};
  const [at = "", id = ""] = key;
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()))
    throw new AppError("BAD_REQUEST", {
      userMessage: msg("apiCursorInvalid"),
      fieldErrors: { cursor: [msg("apiCursorInvalid")] },
    });
  return { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] };
}

/** The sort key of a row of a list in creation order. */
export const createdKey = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id];
