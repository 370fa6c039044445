import { readFileSync } from "node:fs";

// The time a process's main thread (its JavaScript thread, for Node.js) spent on a CPU, in ms
// (/proc/<pid>/schedstat, Linux): unlike a rate, not moved by what else this machine runs meanwhile.
export function threadCpuMs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}
