import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { readBytes } from "@/lib/http-body";

const handler = NextAuth(authOptions);

// Sign-in forms are a few hundred bytes: a body past this is refused before it is read whole.
const AUTH_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

async function POST(request: NextRequest, context: Context) {
  const bytes = await readBytes(request, AUTH_BYTES);
  if (bytes === "tooLarge") return new Response("Trop long / too long", { status: 413 });
  const read = new NextRequest(request.url, {
    method: "POST",
    headers: request.headers,
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return handler(read, context);
}

export { handler as GET, POST };
