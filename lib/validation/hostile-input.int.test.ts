// Hostile input into every server action's operation and the data functions they
// call, and the exact answers to the causes of earlier 5xx (lib/testing/hostile-input-suite.ts).
import { hostileInputSuite } from "@/lib/testing/hostile-input-suite";

hostileInputSuite({ actionsAndCauses: true });
