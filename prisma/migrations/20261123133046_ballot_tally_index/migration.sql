-- DropIndex
DROP INDEX "Ballot_questionId_idx";

-- CreateIndex
CREATE INDEX "Ballot_questionId_collegeId_choice_idx" ON "Ballot"("questionId", "collegeId", "choice");
