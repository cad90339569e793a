export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "BAD_REQUEST"
  | "METHOD_NOT_ALLOWED"
  | "UNSUPPORTED_MEDIA_TYPE";

type AppErrorOptions = {
  message?: string;
  /** Shown to the user: an error descriptor (msg() of lib/i18n/error-text.ts), translated for the reader; defaults to the code's text. */
  userMessage?: string;
  /** Field path → error descriptors (zod messages are descriptors too). */
  fieldErrors?: Record<string, string[]>;
  /** Extra data for the client, e.g. the current record on a conflict. */
  details?: unknown;
};

/** An expected failure of a data function; mapped to an action result or an HTTP error. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The message descriptor, or "" for the code's default text. */
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly details?: unknown;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? options.userMessage ?? code);
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? "";
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
}

/** HTTP status for each code; another team's id is a 404 like a missing one. */
export const httpStatus: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** The result every server action returns. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL" | "UNAVAILABLE";
      message: string;
      fieldErrors?: Record<string, string[]>;
      details?: unknown;
    };
