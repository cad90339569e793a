// Hostile input over the REST routes, shard 3 of 3 (lib/testing/hostile-input-suite.ts).
import { hostileInputSuite } from "@/lib/testing/hostile-input-suite";

hostileInputSuite({ rest: { index: 3, of: 3 } });
