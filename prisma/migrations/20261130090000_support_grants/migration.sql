-- Support access (issue 16): a coordinator lets the network's operator read the cooperative for a
-- limited time; revocable; audited in the cooperative's journal.
CREATE TABLE "SupportGrant" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportGrant_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SupportGrant_cooperativeId_expiresAt_idx" ON "SupportGrant"("cooperativeId", "expiresAt");

ALTER TABLE "SupportGrant" ADD CONSTRAINT "SupportGrant_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
