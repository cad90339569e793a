// Hostile input over the REST routes, shard 2 of 3 (lib/testing/hostile-input-suite.ts).
import { hostileInputSuite } from "@/lib/testing/hostile-input-suite";

hostileInputSuite({ rest: { index: 2, of: 3 } });
