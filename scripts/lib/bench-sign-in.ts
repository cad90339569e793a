// Signing in to the production app for the benchmarks, through Auth.js's credentials endpoint.
import { StartupError } from "./postgres";

/** Cookies from Set-Cookie headers, as one Cookie header. */
class CookieJar {
  private cookies = new Map<string, string>();
  add(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
export async function signIn(base: string, user: { email: string; password: string }): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.add(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      "x-auth-return-redirect": "1",
    },
    body: new URLSearchParams({
      csrfToken,
      email: user.email,
      password: user.password,
      callbackUrl: `${base}/teams`,
      redirect: "false",
      json: "true",
    }),
  });
  jar.add(response);
  const session = (await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header() } }).then((r) =>
    r.json(),
  )) as { user?: { email?: string } } | null;
  if (session?.user?.email !== user.email) {
    throw new StartupError(
      `Sign-in failed (callback answered ${response.status}; session: ${JSON.stringify(session)}).`,
    );
  }
  return jar.header();
}
