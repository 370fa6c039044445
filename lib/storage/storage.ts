import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

// Where uploaded files live. The database keeps only the key, so another backend (an object
// store shared by several app instances) can replace the disk without touching the rest.
export type FileStorage = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
};

export function diskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!/^[a-zA-Z0-9_-]+(\/[a-zA-Z0-9_-]+)*$/.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key);
  };
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

export function fileStorage(): FileStorage {
  storage ??= diskStorage(
    path.resolve(
      process.env.PORTAIL_FILES_DIR ?? path.join(process.env.PORTAIL_DATA_DIR ?? ".data", "files"),
    ),
  );
  return storage;
}
