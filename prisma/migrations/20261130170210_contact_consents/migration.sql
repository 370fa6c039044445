-- People willing to be contacted (issue 20), apart from membership.
-- CreateEnum
CREATE TYPE "ContactConsentSource" AS ENUM ('PUBLIC_FORM', 'PROFILE', 'PAPER');


-- CreateTable
CREATE TABLE "ContactConsent" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "membershipId" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "purposes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "channels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "availability" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT,
    "source" "ContactConsentSource" NOT NULL,
    "consentText" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "confirmAskedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "enteredById" TEXT,
    "linkSeed" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-', ''),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactConsent_cooperativeId_withdrawnAt_idx" ON "ContactConsent"("cooperativeId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "ContactConsent_membershipId_idx" ON "ContactConsent"("membershipId");

-- AddForeignKey
ALTER TABLE "ContactConsent" ADD CONSTRAINT "ContactConsent_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactConsent" ADD CONSTRAINT "ContactConsent_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;
