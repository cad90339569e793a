-- AlterTable: the role the creator of a token had when it was made, which the token never exceeds.
-- No token was issued before this column existed, so it needs no default.
ALTER TABLE "ApiToken" ADD COLUMN "roleCeiling" "Role" NOT NULL;

-- CreateTable: REST API request counters (the PostgreSQL store of rate-limiter-flexible).
CREATE TABLE "ApiRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "ApiRateLimit_pkey" PRIMARY KEY ("key")
);
