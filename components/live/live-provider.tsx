"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

/** A committed team event as the stream sends it: ids and the kind, never field values. */
export type LiveChange = {
  id: string;
  teamId: string;
  planId: string | null;
  taskId: string | null;
  entityType: string;
  entityId: string;
  kind: string;
  actorId: string | null;
};

export type LiveMessage = { type: "change"; change: LiveChange } | { type: "presence"; scope: string };

type LiveContextValue = {
  teamSlug: string;
  subscribe: (listener: (message: LiveMessage) => void) => () => void;
  /** Scopes ("task:<id>") this page is editing now, for presence. */
  editing: ReadonlySet<string>;
  setEditing: (scope: string, isEditing: boolean) => void;
};

const LiveContext = createContext<LiveContextValue | null>(null);

/** Refreshes are coalesced: one at most this often, however many events arrive. */
const REFRESH_INTERVAL_MS = 1000;
const REFRESH_DELAY_MS = 150;
const RETRY_MAX_MS = 60_000;

/**
 * One live event stream (EventSource) per open team page. On each committed
 * change of the team it re-renders the server components of the page in place
 * (router.refresh, coalesced), so React keeps scroll, focus, selection, open
 * menus and unsaved form input; components that need more (the task form)
 * subscribe with useLiveMessages. A reconnect resumes from the last event id.
 */
export function LiveProvider({ teamSlug, since, children }: { teamSlug: string; since: string; children: ReactNode }) {
  const router = useRouter();
  const listeners = useRef(new Set<(message: LiveMessage) => void>());
  const position = useRef(since);
  const [editing, setEditingScopes] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let source: EventSource | null = null;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = 2000;
    let lastRefresh = 0;
    let isStopped = false;

    const refresh = () => {
      if (refreshTimer) return;
      const wait = Math.max(REFRESH_DELAY_MS, lastRefresh + REFRESH_INTERVAL_MS - Date.now());
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        lastRefresh = Date.now();
        router.refresh();
      }, wait);
    };
    const notify = (message: LiveMessage) => listeners.current.forEach((listener) => listener(message));
    const remember = (event: MessageEvent) => {
      if (event.lastEventId) position.current = event.lastEventId;
    };

    const open = () => {
      const url = `/api/teams/${encodeURIComponent(teamSlug)}/events?since=${encodeURIComponent(position.current)}`;
      const stream = new EventSource(url);
      source = stream;
      stream.addEventListener("ready", (event) => {
        remember(event);
        retryMs = 2000;
      });
      stream.addEventListener("change", (event) => {
        remember(event);
        notify({ type: "change", change: JSON.parse(event.data as string) as LiveChange });
        refresh();
      });
      stream.addEventListener("reset", (event) => {
        remember(event);
        refresh();
      });
      // A notification for this user that no team event announced (a due date reminder): the badge updates.
      stream.addEventListener("notice", () => refresh());
      stream.addEventListener("presence", (event) => {
        const { scope } = JSON.parse(event.data as string) as { scope: string };
        notify({ type: "presence", scope });
      });
      stream.addEventListener("revoked", () => {
        // No longer a member: the page's guard answers on the next render.
        isStopped = true;
        stream.close();
        router.refresh();
      });
      stream.onerror = () => {
        // EventSource retries a dropped connection itself; a refused one (signed out, server error) is retried here, slower.
        if (stream.readyState !== EventSource.CLOSED || isStopped) return;
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      };
    };
    open();
    return () => {
      isStopped = true;
      source?.close();
      clearTimeout(refreshTimer);
      clearTimeout(retryTimer);
    };
  }, [teamSlug, router]);

  const subscribe = useCallback((listener: (message: LiveMessage) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const setEditing = useCallback((scope: string, isEditing: boolean) => {
    setEditingScopes((current) => {
      if (current.has(scope) === isEditing) return current;
      const next = new Set(current);
      if (isEditing) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ teamSlug, subscribe, editing, setEditing }),
    [teamSlug, subscribe, editing, setEditing],
  );

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** The live context of the team page, or null outside a LiveProvider (tests, pages outside a team). */
export function useLive(): LiveContextValue | null {
  return useContext(LiveContext);
}

/** Calls `listener` with every live message of the team while the component is mounted. */
export function useLiveMessages(listener: (message: LiveMessage) => void) {
  const live = useLive();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => live?.subscribe((message) => latest.current(message)), [live]);
}

/** Tells the others that this page is editing `scope` (a task) while `isEditing` holds. */
export function useLiveEditing(scope: string, isEditing: boolean) {
  const setEditing = useLive()?.setEditing;
  useEffect(() => {
    if (!setEditing) return;
    setEditing(scope, isEditing);
    return () => setEditing(scope, false);
  }, [setEditing, scope, isEditing]);
}
