import { config } from "zod";

// Runs in the browser before the app's own modules. Zod compiles object parsers
// with `new Function` when the page allows it, and finds out by trying: under
// the Content-Security-Policy (no 'unsafe-eval', see proxy.ts) that try is
// blocked and reported as a violation. Jitless mode skips the try; the small
// form inputs parse just as well without compiled parsers.
config({ jitless: true });
