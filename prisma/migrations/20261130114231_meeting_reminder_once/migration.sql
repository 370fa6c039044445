-- Issue 18: one reminder per meeting, whatever jobs were queued for it.
-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "reminderSentAt" TIMESTAMP(3);
