-- Issue 17: a closed vote's count is a record, a vote keeps the rules it opened with, and a
-- secret ballot is stored sealed (encrypted with a key that is never in the database).

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "sealed" BYTEA,
ALTER COLUMN "choice" DROP NOT NULL;

-- A ballot is either readable (choice) or sealed, never both; a sealed one names no member and
-- no college.
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_choice_or_sealed" CHECK (("choice" IS NULL) <> ("sealed" IS NULL));
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_sealed_anonymous" CHECK ("sealed" IS NULL OR ("memberId" IS NULL AND "collegeId" IS NULL));

-- AlterTable
ALTER TABLE "StatuteSettings" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "VoteQuestion" ADD COLUMN     "result" JSONB,
ADD COLUMN     "rules" JSONB,
ADD COLUMN     "statutesVersion" INTEGER;
