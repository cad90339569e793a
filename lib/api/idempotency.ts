import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";

/** How long a key's first answer is replayed. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/** How long a retry waits for the first request with its key to finish before it is told to retry later. */
const WAIT_MS = 20_000;
/** A first request that has not finished after this long is taken to have died; its key may be used again. */
const ABANDONED_MS = 5 * 60_000;
/** The headers of a first answer that a replay repeats. */
const REPLAYED_HEADERS = ["content-type", "location", "etag"];

const KEY = /^[\x21-\x7e]{1,255}$/;

export type IdempotencyScope = { teamId: string; userId: string };

/** The Idempotency-Key header, or null; a malformed one is a VALIDATION error. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const key = headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key))
    throw new AppError("VALIDATION", { fieldErrors: { "Idempotency-Key": [msg("idempotencyKeyInvalid")] } });
  return key;
}

/** What identifies a request for its key: method, path with query, and body (a retry must send the same). */
export function fingerprintOf(method: string, url: URL, body: string): string {
  return createHash("sha256").update(`${method}\n${url.pathname}${url.search}\n${body}`).digest("hex");
}

type Row = { id: string; fingerprint: string; status: number | null; body: string | null; headers: unknown };

/**
 * Claims the key for this request: true when it is the first (the caller runs
 * the request and then calls `saveAnswer`), else the stored answer to replay.
 * One statement decides between concurrent requests (INSERT … ON CONFLICT): a
 * key seen in the last 24 hours stays with its first request; an older or
 * abandoned one is taken over. A retry that arrives while the first request
 * runs waits for its answer. Another body (or path, or method) with the key is
 * a VALIDATION error (422), and nothing is run.
 */
export async function claimKey(
  scope: IdempotencyScope,
  key: string,
  fingerprint: string,
): Promise<{ claimed: string } | { replay: Response }> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claimed = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "IdempotencyKey" ("id", "teamId", "userId", "key", "fingerprint")
      VALUES (gen_random_uuid()::text, ${scope.teamId}, ${scope.userId}, ${key}, ${fingerprint})
      ON CONFLICT ("teamId", "userId", "key") DO UPDATE
        SET "id" = EXCLUDED."id", "fingerprint" = EXCLUDED."fingerprint", "status" = NULL, "body" = NULL,
            "headers" = NULL, "createdAt" = CURRENT_TIMESTAMP
        WHERE "IdempotencyKey"."createdAt" < CURRENT_TIMESTAMP - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})
           OR ("IdempotencyKey"."status" IS NULL
               AND "IdempotencyKey"."createdAt" < CURRENT_TIMESTAMP - make_interval(secs => ${ABANDONED_MS / 1000}))
      RETURNING "id"`;
    if (claimed[0]) {
      // Keys past their window go as new ones come (one indexed DELETE; usually nothing to delete).
      await purgeExpiredKeys();
      return { claimed: claimed[0].id };
    }
    const [row] = await db.$queryRaw<Row[]>`
      SELECT "id", "fingerprint", "status", "body", "headers" FROM "IdempotencyKey"
      WHERE "teamId" = ${scope.teamId} AND "userId" = ${scope.userId} AND "key" = ${key}`;
    if (!row) continue; // released by a failed first request in between: claim it now
    if (row.fingerprint !== fingerprint)
      throw new AppError("VALIDATION", {
        userMessage: msg("idempotencyKeyReused"),
        fieldErrors: { "Idempotency-Key": [msg("idempotencyKeyReused")] },
      });
    if (row.status !== null) return { replay: replayOf(row) };
    if (Date.now() > deadline) throw new AppError("CONFLICT", { userMessage: msg("idempotencyKeyInProgress") });
    await sleep(50);
  }
}

function replayOf(row: Row): Response {
  const headers = new Headers(
    row.headers && typeof row.headers === "object" ? (row.headers as Record<string, string>) : {},
  );
  headers.set("Idempotent-Replayed", "true");
  headers.set("Cache-Control", "no-store");
  return new Response(row.status === 204 || row.status === 304 ? null : row.body, {
    status: row.status ?? 500,
    headers,
  });
}

/**
 * Stores the first answer of a claimed key. Answers that a retry may change
 * (429 rate limits, 5xx failures) are not kept: the key is released instead, so
 * that the retry runs the request again.
 */
export async function saveAnswer(claimId: string, response: Response): Promise<Response> {
  if (response.status === 429 || response.status >= 500) {
    await db.idempotencyKey.deleteMany({ where: { id: claimId } });
    return response;
  }
  const body = await response.clone().text();
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  await db.idempotencyKey.updateMany({ where: { id: claimId }, data: { status: response.status, body, headers } });
  return response;
}

/** Deletes keys past their window (called with every new key). */
export async function purgeExpiredKeys(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3600_000) } },
  });
  return count;
}
