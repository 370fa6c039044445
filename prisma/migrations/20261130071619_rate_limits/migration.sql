-- Rate limits move to rate-limiter-flexible's counters (atomic upserts, keyed hashes): the
-- failed sign-in rows and the ideas' address hashes go.
-- DropIndex
DROP INDEX "Idea_addressHash_createdAt_idx";

-- AlterTable
ALTER TABLE "Idea" DROP COLUMN "addressHash";

-- DropTable
DROP TABLE "SignInFailure";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
