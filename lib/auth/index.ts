import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { endSession, rotateSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { currentRequestId, log } from "@/lib/log";

// Module augmentation merges only interfaces.
declare module "next-auth" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Session {
    /** The UserSession row behind the cookie (see lib/auth/session.ts). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface JWT {
    /** The UserSession row opened at sign-in. */
    sid?: string;
  }
}

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

function isRotateRequest(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { rotate?: unknown }).rotate === true;
}

/**
 * Auth.js: email + password, JWT sessions holding the user id and the id of a
 * UserSession row opened at sign-in. The row is what makes a session revocable:
 * lib/auth/session.ts refuses a cookie whose row is gone, so sign-out (which
 * deletes it) ends the session and every copy of its cookie.
 */
export const {
  handlers,
  auth,
  signIn,
  signOut,
  unstable_update: updateSession,
} = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // A failed or throttled sign-in is expected: no stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log().error({ reqId: currentRequestId(), err: error }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(user.id);
      } else if (trigger === "update" && isRotateRequest(session) && token.sub && token.sid) {
        // After a password change (see rotateCurrentSession); a session that was ended stays ended.
        const rotated = await rotateSession(token.sid, token.sub);
        if (rotated) token.sid = rotated;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Also for POST /api/auth/signout; signOutAction ends the session itself first.
    async signOut(message) {
      if ("token" in message && message.token?.sid) await endSession(message.token.sid);
    },
  },
});

/** Gives the current session a new id and re-issues its cookie: copies of the old cookie are refused (server actions only). */
export async function rotateCurrentSession(): Promise<void> {
  const request = { rotate: true };
  await updateSession(request as Partial<Session>);
}
