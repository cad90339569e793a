// Driver-adapter factory for the Prisma CLI only (migrate deploy/dev/diff on the
// WebAssembly schema engine). It works around two upstream PrismaPg issues:
// catalog columns of type "char" (OID 18) and name (OID 19) cannot be
// deserialized, and the shadow database is opened with the main connection
// string and dropped before its pool closes. It also sends each migration script
// to PostgreSQL whole, rather than split at every semicolon (which breaks
// function bodies), so a migration runs as one implicit transaction.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   pg's overloads make a typed override impractical; the result shape is unchanged. */
class CatalogSafePool extends pg.Pool {
  override query(...args: any[]): any {
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
        }
        return res;
      });
    }
    return result;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const c = parse(url);
  return {
    host: c.host ?? undefined,
    port: c.port ? Number(c.port) : undefined,
    user: c.user ?? undefined,
    password: c.password ?? undefined,
    database: database ?? c.database ?? undefined,
    max: 4,
  };
}

type ScriptRunner = { executeScript(script: string): Promise<void> };

/** Makes `adapter` run a script as one multi-statement query (PostgreSQL parses quotes and dollar quotes itself). */
function runScriptsWhole<A extends ScriptRunner>(adapter: A): A {
  // The adapter's pool and error mapping, as its own executeScript uses them.
  const internals = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/** A PrismaPg factory whose queries tolerate catalog types, whose scripts run whole and whose shadow database is its own. */
export class CliPgAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(new CatalogSafePool(poolConfig(url)), { disposeExternalPool: true });
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(poolConfig(this.url));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadow = new PrismaPg(new CatalogSafePool(poolConfig(this.url, name)), {
      disposeExternalPool: true,
    });
    const adapter = runScriptsWhole(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(poolConfig(this.url));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}
