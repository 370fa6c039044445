// A request body read up to a size, for route handlers: refused from its Content-Length before
// anything is read, or as soon as the stream passes the size (a 50 MB post is not kept in memory
// to be refused afterwards). "tooLarge" answers 413.

export type Body<T> = T | "tooLarge";

export async function readBytes(request: Request, maxBytes: number): Promise<Body<Uint8Array>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return "tooLarge";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "tooLarge";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// The JSON body, or null when it is not JSON.
export async function readJson(request: Request, maxBytes: number): Promise<Body<unknown>> {
  const bytes = await readBytes(request, maxBytes);
  if (bytes === "tooLarge") return bytes;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

// The form body (urlencoded or multipart), or null when it is not a form.
export async function readForm(request: Request, maxBytes: number): Promise<Body<FormData | null>> {
  const bytes = await readBytes(request, maxBytes);
  if (bytes === "tooLarge") return bytes;
  const type = request.headers.get("content-type") ?? "";
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
}
