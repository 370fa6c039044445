-- A public-page address is confirmed before it is written to; a published answer keeps the
-- booklet entries as they were.
-- AlterTable
ALTER TABLE "ContactConsent" ADD COLUMN     "emailConfirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "answerPartners" JSONB;
