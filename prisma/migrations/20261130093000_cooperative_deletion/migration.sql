-- Deleting a cooperative (issue 16): asked by the operator, done by the job worker after a delay
-- during which it can be restored.
ALTER TABLE "Cooperative" ADD COLUMN "deletionDueAt" TIMESTAMP(3);
