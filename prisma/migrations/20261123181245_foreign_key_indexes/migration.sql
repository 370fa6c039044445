-- Foreign keys that pages look rows up by (found with the scale data, npm run db:scale, where
-- each was a sequential scan of a table of 60,000 to 240,000 rows). Ballot and VoteParticipation
-- are left as they are: the ballot box writes them, and reads them by question.
-- CreateIndex
CREATE INDEX "ActionItem_meetingId_idx" ON "ActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_sectionId_idx" ON "ActionItem"("sectionId");

-- CreateIndex
CREATE INDEX "ActionItemOwner_membershipId_idx" ON "ActionItemOwner"("membershipId");

-- CreateIndex
CREATE INDEX "Attendance_membershipId_idx" ON "Attendance"("membershipId");

-- CreateIndex
CREATE INDEX "CategoryAssignment_membershipId_idx" ON "CategoryAssignment"("membershipId");

-- CreateIndex
CREATE INDEX "Decision_bodyId_idx" ON "Decision"("bodyId");

-- CreateIndex
CREATE INDEX "Decision_meetingId_idx" ON "Decision"("meetingId");

-- CreateIndex
CREATE INDEX "Decision_sectionId_idx" ON "Decision"("sectionId");

-- CreateIndex
CREATE INDEX "Document_meetingId_idx" ON "Document"("meetingId");

-- CreateIndex
CREATE INDEX "Document_sectionId_idx" ON "Document"("sectionId");

-- CreateIndex
CREATE INDEX "Idea_meetingId_idx" ON "Idea"("meetingId");

-- CreateIndex
CREATE INDEX "Idea_mergedIntoId_idx" ON "Idea"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Idea_authorId_idx" ON "Idea"("authorId");

-- CreateIndex
CREATE INDEX "Minutes_approvalMeetingId_idx" ON "Minutes"("approvalMeetingId");

-- CreateIndex
CREATE INDEX "VoteQuestion_meetingId_idx" ON "VoteQuestion"("meetingId");
