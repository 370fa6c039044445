-- Bearer links no copy of the database gives away (issue 15, 7): the calendar feed and an
-- idea's follow link become `<id>.<HMAC of a seed with the portal's secret>`. The columns keep
-- only the seed, which is not the link; links given before this version stop working (they
-- were cuids), and each is renewed with a fresh seed. The newsletter's unused unsubscribe
-- column goes (its links are keyed HMACs already).
ALTER TABLE "Membership" RENAME COLUMN "calendarToken" TO "calendarSeed";
DROP INDEX "Membership_calendarToken_key";
UPDATE "Membership" SET "calendarSeed" = replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-', '');

ALTER TABLE "Idea" RENAME COLUMN "followToken" TO "followSeed";
DROP INDEX "Idea_followToken_key";
UPDATE "Idea" SET "followSeed" = replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-', '');

DROP INDEX "NewsletterRecipient_unsubscribeToken_key";
ALTER TABLE "NewsletterRecipient" DROP COLUMN "unsubscribeToken";
