import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";

// rate-limiter-flexible's PostgreSQL store counts with one atomic
// INSERT … ON CONFLICT DO UPDATE per request, so every app instance shares the
// counts. Its client is Prisma's own connection pool behind the one method the
// store calls (`query`), rather than a second pg.Pool per instance; the table
// ("ApiRateLimit") is created by our migrations, not by the library.
const prismaStoreClient = {
  async query({ text, values = [] }: { text: string; values?: unknown[] }) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    // BIGINT columns arrive as bigint; the library does arithmetic with numbers.
    const plain = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
    );
    return { rows: plain, rowCount: plain.length };
  },
};

type StoreClient = typeof prismaStoreClient;

/**
 * A fixed-window limiter of `points` requests per `durationSeconds` for keys of
 * one kind, stored in PostgreSQL; while the database cannot be reached it counts
 * in this process's memory instead, so every answer still carries its limits.
 */
export function createApiRateLimiter({
  keyPrefix,
  points,
  durationSeconds,
  storeClient = prismaStoreClient,
}: {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  storeClient?: StoreClient;
}) {
  return new RateLimiterPostgres({
    storeClient,
    storeType: "pool",
    tableName: "ApiRateLimit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
  });
}

type Limiters = { perToken: RateLimiterPostgres; perIp: RateLimiterPostgres };
let limiters: Limiters | undefined;

/** The API's limiters, sized by API_RATE_LIMIT_PER_TOKEN, API_RATE_LIMIT_PER_IP and API_RATE_LIMIT_WINDOW_SECONDS. */
function apiLimiters(): Limiters {
  const env = getEnv();
  limiters ??= {
    perToken: createApiRateLimiter({
      keyPrefix: "api-token",
      points: env.API_RATE_LIMIT_PER_TOKEN,
      durationSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    }),
    perIp: createApiRateLimiter({
      keyPrefix: "api-ip",
      points: env.API_RATE_LIMIT_PER_IP,
      durationSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    }),
  };
  return limiters;
}

/** Where a client stands with a limit: the RateLimit-Limit, -Remaining and -Reset headers. */
export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

function stateOf(limiter: RateLimiterPostgres, res: RateLimiterRes): RateLimitState {
  return {
    limit: limiter.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** The limit closer to being used up (the one a client must heed). */
export function tighterLimit(a: RateLimitState, b: RateLimitState): RateLimitState {
  return b.remaining < a.remaining ? b : a;
}

/** The RateLimit-* headers of a state, set on a response. */
export function setRateLimitHeaders(headers: Headers, state: RateLimitState) {
  headers.set("RateLimit-Limit", String(state.limit));
  headers.set("RateLimit-Remaining", String(state.remaining));
  headers.set("RateLimit-Reset", String(state.resetSeconds));
}

/**
 * Counts one request of `key` and returns where it stands; over the limit it
 * throws RATE_LIMITED with the seconds until the window resets (and the state).
 */
export async function consumeRateLimit(limiter: RateLimiterPostgres, key: string): Promise<RateLimitState> {
  try {
    return stateOf(limiter, await limiter.consume(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const rateLimit = stateOf(limiter, rejection);
      throw new AppError("RATE_LIMITED", {
        userMessage: msg("tooManyRequests", { seconds: rateLimit.resetSeconds }),
        details: { retryAfterSeconds: rateLimit.resetSeconds, rateLimit },
      });
    }
    throw rejection;
  }
}

/** The state a RATE_LIMITED error of consumeRateLimit carries, if any. */
export function rateLimitOf(error: unknown): RateLimitState | undefined {
  if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") return undefined;
  const details = error.details as { rateLimit?: RateLimitState } | undefined;
  return details?.rateLimit;
}

/** Counts a request from an IP address (before the token is checked, so guessing tokens is limited too). */
export const limitByIp = (ip: string) => consumeRateLimit(apiLimiters().perIp, ip);

/** Counts a request made with a token (by token id). */
export const limitByToken = (tokenId: string) => consumeRateLimit(apiLimiters().perToken, tokenId);
