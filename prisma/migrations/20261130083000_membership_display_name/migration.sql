-- The name as shown in one cooperative (issue 15, part 1): a coordinator manages it for their
-- cooperative without touching the account's own name, which belongs to the person.
ALTER TABLE "Membership" ADD COLUMN "displayName" TEXT;
