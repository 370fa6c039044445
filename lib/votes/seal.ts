import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { portalSecret } from "@/lib/secret";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

// A secret ballot as the database holds it: the choice and the voter's college, encrypted
// (AES-256-GCM) with a key of that one question derived from the portal's secret (HKDF), which is
// never stored. A copy of the database (pg_dump, db:backup, the table files with their old row
// versions) holds only these sealed bytes: whoever links a row to its voter by transaction id,
// order or time learns nothing of the choice. Every sealed ballot has the same length (the
// plaintext is padded), a random nonce, and no timestamp. The close opens them, stores the count
// and deletes them (README: "Secret ballots").

const VERSION = 1;
const PLAIN_LENGTH = 64;
const NONCE = 12;
const TAG = 16;

function questionKey(questionId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", portalSecret(), "portail-scic:secret-ballot", questionId, 32));
}

export type SealedContent = { choice: VoteChoice; collegeId: string | null };

export function sealBallot(questionId: string, content: SealedContent): Buffer {
  const plain = Buffer.alloc(PLAIN_LENGTH, 0x20);
  const json = Buffer.from(JSON.stringify({ c: content.choice, g: content.collegeId }), "utf8");
  if (json.length > PLAIN_LENGTH) throw new Error("sealed ballot too long");
  json.copy(plain);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv("aes-256-gcm", questionKey(questionId), nonce);
  // The question's id is bound in: a sealed ballot copied into another question does not open.
  cipher.setAAD(Buffer.from(questionId, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

// Throws on anything that was not sealed for this question with this portal's secret.
export function openBallot(questionId: string, sealed: Uint8Array): SealedContent {
  const bytes = Buffer.from(sealed);
  if (bytes[0] !== VERSION || bytes.length !== 1 + NONCE + TAG + PLAIN_LENGTH)
    throw new Error("not a sealed ballot");
  const decipher = createDecipheriv("aes-256-gcm", questionKey(questionId), bytes.subarray(1, 1 + NONCE));
  decipher.setAAD(Buffer.from(questionId, "utf8"));
  decipher.setAuthTag(bytes.subarray(1 + NONCE, 1 + NONCE + TAG));
  const plain = Buffer.concat([decipher.update(bytes.subarray(1 + NONCE + TAG)), decipher.final()]);
  const { c, g } = JSON.parse(plain.toString("utf8").trimEnd()) as { c: VoteChoice; g: string | null };
  return { choice: c, collegeId: g };
}
