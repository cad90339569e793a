import "server-only";
import { after } from "next/server";
import { currentRequestId, log } from "@/lib/log";

/** Schedules work that must not delay or shape the answer (e.g. a mail). */
export type Defer = (task: () => Promise<unknown>) => void;

/**
 * Runs the task after the response has been sent (Next.js `after`); a failure
 * is logged with the request id and never reaches the user, whose answer is
 * already gone. There is no retry: a lost mail is requested again.
 */
export const afterResponse: Defer = (task) => {
  const reqId = currentRequestId();
  after(async () => {
    try {
      await task();
    } catch (error) {
      log().error({ reqId, err: error }, "work after the response failed");
    }
  });
};
