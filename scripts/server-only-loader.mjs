// The worker and the benchmarks run the server's services outside Next.js: the "server-only"
// marker (which throws outside a React server build) resolves to an empty module here.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
      return next(specifier, context);
    }`),
  import.meta.url,
);
