-- A person's chosen time zone (IANA name), and the weekly digests already handled per person, team and week.
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_timeZone_length" CHECK (char_length("timeZone") <= 64);

CREATE TABLE "WeeklyDigest" (
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeeklyDigest_pkey" PRIMARY KEY ("userId", "teamId", "week")
);

CREATE INDEX "WeeklyDigest_teamId_idx" ON "WeeklyDigest"("teamId");

ALTER TABLE "WeeklyDigest" ADD CONSTRAINT "WeeklyDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WeeklyDigest" ADD CONSTRAINT "WeeklyDigest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
