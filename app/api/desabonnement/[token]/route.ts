import { TEST_UNSUBSCRIBE_TOKEN, unsubscribe } from "@/lib/newsletter/service";

// The List-Unsubscribe address of every newsletter e-mail. A mail program's one-click button
// POSTs here (RFC 8058) and the recipient is unsubscribed; a GET (a person following the link)
// goes to the page with its one button.
export async function POST(_: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token === TEST_UNSUBSCRIBE_TOKEN)
    return new Response("E-mail d'essai : personne n'est désabonné. / Test e-mail: nobody is unsubscribed.", {
      status: 200,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const done = await unsubscribe(token);
  return new Response(
    done ? "Désabonnement enregistré. / Unsubscribed." : "Lien non valide. / Invalid link.",
    { status: done ? 200 : 404, headers: { "content-type": "text/plain; charset=utf-8" } },
  );
}

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return Response.redirect(new URL(`/desabonnement/${encodeURIComponent(token)}`, request.url), 303);
}
