// Whether this portal shows the demonstration cooperative. `npm start` decides once and passes
// it on: on with no configuration (the embedded database), off with DATABASE_URL unless
// PORTAIL_DEMO=true, off everywhere with PORTAIL_DEMO=false. When off, a demo cooperative that
// is still in the database lets no one in.
export function demoEnabled(): boolean {
  return process.env.PORTAIL_DEMO === "true";
}

// What `npm start` passes on, from what it was given.
export function demoWanted(env: Record<string, string | undefined>): boolean {
  if (env.PORTAIL_DEMO === "true") return true;
  if (env.PORTAIL_DEMO === "false" || env.PORTAIL_SEED === "false") return false;
  return !env.DATABASE_URL;
}
