-- Bearer tokens (a member's calendar feed, the follow link of a public idea) from PostgreSQL's
-- strong random generator: two random UUIDs, 244 random bits, instead of a cuid (time, counter
-- and about 41 bits of Math.random). Links already given keep working; a member renews theirs
-- from « Mon profil ».
ALTER TABLE "Membership" ALTER COLUMN "calendarToken" SET DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE "Idea" ALTER COLUMN "followToken" SET DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
