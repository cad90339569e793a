"use strict";
// `node --require ./lib/ops/client-address-preload.cjs node_modules/next/dist/bin/next start`:
// installs the client-address hook (see client-address.cjs) before Next.js creates its server.
require("./client-address.cjs").installClientAddress();
