-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SharedTextStatus" AS ENUM ('DRAFTING', 'VOTING', 'ADOPTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('CHANGE', 'COMMENT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "outsideOwners" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "citesId" TEXT;

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT,
    "sectionId" TEXT,
    "text" TEXT NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedText" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "drafterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "status" "SharedTextStatus" NOT NULL DEFAULT 'DRAFTING',
    "frozenVersion" INTEGER,
    "voteQuestionId" TEXT,
    "decisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedTextSection" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SharedTextSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedTextVersion" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharedTextVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedTextProposal" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "body" TEXT NOT NULL,
    "baseBody" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharedTextProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_cooperativeId_status_idx" ON "FollowUp"("cooperativeId", "status");

-- CreateIndex
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");

-- CreateIndex
CREATE INDEX "FollowUp_sectionId_idx" ON "FollowUp"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SharedText_voteQuestionId_key" ON "SharedText"("voteQuestionId");

-- CreateIndex
CREATE UNIQUE INDEX "SharedText_decisionId_key" ON "SharedText"("decisionId");

-- CreateIndex
CREATE INDEX "SharedText_cooperativeId_status_idx" ON "SharedText"("cooperativeId", "status");

-- CreateIndex
CREATE INDEX "SharedTextSection_textId_position_idx" ON "SharedTextSection"("textId", "position");

-- CreateIndex
CREATE INDEX "SharedTextSection_cooperativeId_idx" ON "SharedTextSection"("cooperativeId");

-- CreateIndex
CREATE INDEX "SharedTextVersion_cooperativeId_idx" ON "SharedTextVersion"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "SharedTextVersion_textId_number_key" ON "SharedTextVersion"("textId", "number");

-- CreateIndex
CREATE INDEX "SharedTextProposal_textId_status_idx" ON "SharedTextProposal"("textId", "status");

-- CreateIndex
CREATE INDEX "SharedTextProposal_cooperativeId_idx" ON "SharedTextProposal"("cooperativeId");

-- CreateIndex
CREATE INDEX "SharedTextProposal_sectionId_idx" ON "SharedTextProposal"("sectionId");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "MinutesSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_citesId_fkey" FOREIGN KEY ("citesId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedText" ADD CONSTRAINT "SharedText_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedText" ADD CONSTRAINT "SharedText_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedText" ADD CONSTRAINT "SharedText_drafterId_fkey" FOREIGN KEY ("drafterId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedText" ADD CONSTRAINT "SharedText_voteQuestionId_fkey" FOREIGN KEY ("voteQuestionId") REFERENCES "VoteQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedText" ADD CONSTRAINT "SharedText_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextSection" ADD CONSTRAINT "SharedTextSection_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextSection" ADD CONSTRAINT "SharedTextSection_textId_fkey" FOREIGN KEY ("textId") REFERENCES "SharedText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextVersion" ADD CONSTRAINT "SharedTextVersion_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextVersion" ADD CONSTRAINT "SharedTextVersion_textId_fkey" FOREIGN KEY ("textId") REFERENCES "SharedText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextProposal" ADD CONSTRAINT "SharedTextProposal_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextProposal" ADD CONSTRAINT "SharedTextProposal_textId_fkey" FOREIGN KEY ("textId") REFERENCES "SharedText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextProposal" ADD CONSTRAINT "SharedTextProposal_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SharedTextSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedTextProposal" ADD CONSTRAINT "SharedTextProposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
