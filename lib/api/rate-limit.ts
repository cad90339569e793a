import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
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

/** A fixed-window limiter of `points` requests per `durationSeconds` for keys of one kind, stored in PostgreSQL. */
export function createApiRateLimiter({
  keyPrefix,
  points,
  durationSeconds,
}: {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}) {
  return new RateLimiterPostgres({
    storeClient: prismaStoreClient,
    storeType: "pool",
    tableName: "ApiRateLimit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
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

/** Counts one request of `key`; over the limit it throws RATE_LIMITED with the seconds until the window resets. */
export async function consumeRateLimit(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError("RATE_LIMITED", {
        userMessage: msg("tooManyRequests", { seconds: retryAfterSeconds }),
        details: { retryAfterSeconds },
      });
    }
    throw rejection;
  }
}

/** Counts a request from an IP address (before the token is checked, so guessing tokens is limited too). */
export const limitByIp = (ip: string) => consumeRateLimit(apiLimiters().perIp, ip);

/** Counts a request made with a token (by token id). */
export const limitByToken = (tokenId: string) => consumeRateLimit(apiLimiters().perToken, tokenId);
