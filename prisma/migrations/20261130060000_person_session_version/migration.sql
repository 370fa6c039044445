-- A person's sessions carry the version they were opened at; raising it (a new password, an
-- erasure, an archive, « Se déconnecter partout ») ends every one of them on its next request.
ALTER TABLE "Person" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
