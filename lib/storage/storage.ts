import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { s3SettingsFrom, s3Storage } from "@/lib/storage/s3";

// Where uploaded files live. The database keeps only the key, so another backend (an object
// store shared by several app instances) can replace the disk without touching the rest.
export type FileStorage = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
};

// Keys are made by the portal (ids and folders); anything else is refused before any backend.
export function checkKey(key: string): string {
  if (!/^[a-zA-Z0-9_-]+(\/[a-zA-Z0-9_-]+)*$/.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}

export function diskStorage(root: string): FileStorage {
  const resolve = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, data) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    },
    async get(key) {
      try {
        return await fs.readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}

let storage: FileStorage | null = null;

// The backend the configuration names: the disk by default (PORTAIL_FILES_DIR), an
// S3-compatible bucket with FILES_BACKEND=s3 (S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY). Keys are checked the same way whichever it is.
export function storageFrom(env: Record<string, string | undefined>): FileStorage {
  const backend =
    env.FILES_BACKEND === "s3"
      ? s3Storage(s3SettingsFrom(env))
      : diskStorage(
          path.resolve(
            /* turbopackIgnore: true */ env.PORTAIL_FILES_DIR ??
              path.join(env.PORTAIL_DATA_DIR ?? ".data", "files"),
          ),
        );
  return {
    put: async (key, data) => backend.put(checkKey(key), data),
    get: async (key) => backend.get(checkKey(key)),
    remove: async (key) => backend.remove(checkKey(key)),
  };
}

export function fileStorage(): FileStorage {
  storage ??= storageFrom(process.env);
  return storage;
}
