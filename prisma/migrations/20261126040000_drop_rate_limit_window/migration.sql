-- The REST API counts requests in "ApiRateLimit" (rate-limiter-flexible); this table was never used.
DROP TABLE "RateLimitWindow";
