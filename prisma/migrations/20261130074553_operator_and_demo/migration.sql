-- The network's operator (issue 16), the demo marked as such, suspension.
-- AlterTable
ALTER TABLE "Cooperative" ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspensionNote" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "isOperator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OperatorSetup" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OperatorSetup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperatorSetup_tokenHash_key" ON "OperatorSetup"("tokenHash");

-- The demo made before this column existed.
UPDATE "Cooperative" SET "isDemo" = true WHERE slug = 'bois-joli';
