-- AlterEnum
ALTER TYPE "IdeaStatus" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "addressHash" TEXT,
ADD COLUMN     "answerPublishedAt" TIMESTAMP(3),
ADD COLUMN     "followToken" TEXT,
ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenReason" TEXT,
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "notifiedAt" TIMESTAMP(3);

-- Ideas already there get their follow link (Prisma gives new ones a cuid).
UPDATE "Idea" SET "followToken" = gen_random_uuid()::text WHERE "followToken" IS NULL;
ALTER TABLE "Idea" ALTER COLUMN "followToken" SET NOT NULL;

-- AlterTable
ALTER TABLE "NewsletterIssue" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "recipients" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sendStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "NewsletterRecipient" ADD COLUMN     "bounceReason" TEXT,
ADD COLUMN     "bouncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "IdeaSupport" (
    "ideaId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdeaSupport_pkey" PRIMARY KEY ("ideaId","membershipId")
);

-- CreateTable
CREATE TABLE "NewsletterDelivery" (
    "issueId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "emailId" TEXT,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "NewsletterDelivery_pkey" PRIMARY KEY ("issueId","recipientId")
);

-- CreateIndex
CREATE INDEX "IdeaSupport_membershipId_idx" ON "IdeaSupport"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterDelivery_emailId_key" ON "NewsletterDelivery"("emailId");

-- CreateIndex
CREATE INDEX "NewsletterDelivery_issueId_queuedAt_idx" ON "NewsletterDelivery"("issueId", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Idea_followToken_key" ON "Idea"("followToken");

-- CreateIndex
CREATE INDEX "Idea_addressHash_createdAt_idx" ON "Idea"("addressHash", "createdAt");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaSupport" ADD CONSTRAINT "IdeaSupport_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaSupport" ADD CONSTRAINT "IdeaSupport_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterDelivery" ADD CONSTRAINT "NewsletterDelivery_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "NewsletterIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterDelivery" ADD CONSTRAINT "NewsletterDelivery_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "NewsletterRecipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "ideaBox" BOOLEAN NOT NULL DEFAULT false;
