-- AlterTable
-- Search (French configuration: "médiatrice" finds "médiatrices"): generated columns, so
-- every write keeps them true without application code.
ALTER TABLE "ActionItem" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('french', "title")) STORED;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('french', "title"), 'A') || setweight(to_tsvector('french', "text"), 'B')) STORED;

-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "approvalMeetingId" TEXT;

-- AlterTable
ALTER TABLE "MinutesSection" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('french', "title"), 'A') || setweight(to_tsvector('french', "body"), 'B')) STORED;

-- CreateIndex
CREATE INDEX "ActionItem_search_idx" ON "ActionItem" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Decision_search_idx" ON "Decision" USING GIN ("search");

-- CreateIndex
CREATE INDEX "MinutesSection_search_idx" ON "MinutesSection" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_approvalMeetingId_fkey" FOREIGN KEY ("approvalMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
