import "server-only";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_READ_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A direct (session) connection for the live-update listener when DATABASE_URL goes through a transaction pooler. */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_LISTEN_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The public address of the app (scheme, host, optional port and path); every link in a mail starts with it. */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http:// or https:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** How many reverse proxies stand in front of the app (0: the socket's address is the client's). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  API_RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600),
  API_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1200),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Sign-ups, and separately password-reset requests, one IP address may make per hour. */
  ACCOUNT_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
  /** "off" stops this instance from taking background jobs (it still queues them for others). */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** "1" lets webhooks reach private, loopback and link-local addresses (a receiver on the same network; tests). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["", "0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /** Where the daily backup job keeps its backups (set by npm start for the embedded database); unset: no scheduled backups. */
  BACKUP_DIR: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The environment, parsed once; the only reader of process.env in the app. */
export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

/** Forgets the parsed environment so the next getEnv() reads process.env again (tests that change it). */
export function resetEnvCache(): void {
  cached = undefined;
}
