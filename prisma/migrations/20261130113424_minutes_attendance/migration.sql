-- Issue 18: the minutes' attendance follows the sheet until it is corrected by hand.
-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "attendanceEdited" BOOLEAN NOT NULL DEFAULT false;
