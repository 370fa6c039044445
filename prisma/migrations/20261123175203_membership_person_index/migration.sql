-- CreateIndex
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");
