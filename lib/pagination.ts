// Lists that grow with the years (the decision record, the idea board) are read a page at a
// time: the page's work stays the same whatever the history.

export const PAGE_SIZE = 25;

// ?page= as it comes in the address; anything else is the first page.
export function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
