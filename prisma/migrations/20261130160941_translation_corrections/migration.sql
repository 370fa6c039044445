-- A coordinator's corrections of machine-translated texts, per cooperative.
-- CreateTable
CREATE TABLE "TranslationCorrection" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "TranslationCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TranslationCorrection_cooperativeId_locale_key_key" ON "TranslationCorrection"("cooperativeId", "locale", "key");

-- AddForeignKey
ALTER TABLE "TranslationCorrection" ADD CONSTRAINT "TranslationCorrection_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
