-- The partners' booklet (issue 20), and the entries an idea's answer points to.
-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "answerPartnerIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PartnerEntry" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "place" TEXT,
    "address" TEXT,
    "hoursText" TEXT,
    "hours" JSONB,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "wheelchair" BOOLEAN NOT NULL DEFAULT false,
    "childrenWelcome" BOOLEAN NOT NULL DEFAULT false,
    "cost" TEXT,
    "keeperId" TEXT,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "verifiedById" TEXT,
    "staleRemindedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookletSettings" (
    "cooperativeId" TEXT NOT NULL,
    "staleMonths" INTEGER NOT NULL DEFAULT 6,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BookletSettings_pkey" PRIMARY KEY ("cooperativeId")
);

-- CreateIndex
CREATE INDEX "PartnerEntry_cooperativeId_archivedAt_idx" ON "PartnerEntry"("cooperativeId", "archivedAt");

-- CreateIndex
CREATE INDEX "PartnerEntry_keeperId_idx" ON "PartnerEntry"("keeperId");

-- CreateIndex
CREATE INDEX "PartnerEntry_verifiedById_idx" ON "PartnerEntry"("verifiedById");

-- AddForeignKey
ALTER TABLE "PartnerEntry" ADD CONSTRAINT "PartnerEntry_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerEntry" ADD CONSTRAINT "PartnerEntry_keeperId_fkey" FOREIGN KEY ("keeperId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerEntry" ADD CONSTRAINT "PartnerEntry_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookletSettings" ADD CONSTRAINT "BookletSettings_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
