// The portal's one secret (NEXTAUTH_SECRET: `npm start` generates it once into
// .data/nextauth-secret and gives it to the web server and the worker alike). It signs sessions,
// unsubscribe links and the keyed hashes of addresses: without it nothing is signed, rather than
// signed with a key anyone could read in this source.
export function portalSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is required (npm start sets it).");
  return secret;
}
