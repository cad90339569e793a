import { type ErrorKey, msg, parseDescriptor } from "@/lib/i18n/error-text";

type Issue = {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  input?: unknown;
};

/** zod issues as { "field.path": [error descriptors] } for forms and API errors (translated for the reader later). */
export function fieldErrorsOf(error: { issues: readonly Issue[] }) {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(descriptorOf(issue));
  }
  return out;
}

/** The issue's own descriptor, or a generic one by issue code for zod's built-in (English) messages. */
export function descriptorOf(issue: Issue): string {
  return parseDescriptor(issue.message) ? issue.message : genericDescriptor(issue);
}

/**
 * A zod error map (`schema.parse(x, { error: zodErrorMap })`, zodResolver's schema
 * options) that gives issues without a message of their own a generic descriptor.
 */
export function zodErrorMap(issue: Omit<Issue, "path" | "message">): string {
  return genericDescriptor(issue);
}

function genericDescriptor(issue: Omit<Issue, "path" | "message">): string {
  const isList = issue.origin === "array" || issue.origin === "set";
  const bound = (value: unknown) =>
    typeof value === "number" || typeof value === "bigint" ? Number(value) : undefined;
  const generic = (key: ErrorKey, values?: Record<string, number>) => msg(key, values);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? generic("required") : generic("invalid");
    case "too_small": {
      const min = bound(issue.minimum);
      if (issue.origin === "string" && min !== undefined)
        return min <= 1 ? generic("required") : generic("tooShort", { min });
      if (isList && min !== undefined) return generic("tooFew", { min });
      return generic("invalid");
    }
    case "too_big": {
      const max = bound(issue.maximum);
      if (issue.origin === "string" && max !== undefined) return generic("tooLong", { max });
      if (isList && max !== undefined) return generic("tooMany", { max });
      return generic("invalid");
    }
    default:
      return generic("invalid");
  }
}
