-- Sign-ups wait here until the address's owner opens the mailed link.
CREATE TABLE "PendingSignUp" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT,
    "nextPath" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSignUp_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PendingSignUp_tokenHash_key" ON "PendingSignUp"("tokenHash");

CREATE INDEX "PendingSignUp_email_idx" ON "PendingSignUp"("email");
