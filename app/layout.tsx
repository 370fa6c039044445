import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { SendingGuard } from "@/components/sending-guard";
import { SoftLinks } from "@/components/soft-links";
import { ICON_URL } from "@/lib/icon";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portail SCIC", template: "%s · Portail SCIC" },
  description: "La gouvernance de la coopérative : réunions, décisions, votes, boîte à idées.",
  icons: { icon: { url: ICON_URL, type: "image/svg+xml" } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  // Only what the error page needs here: each group's layout gives its pages their messages,
  // so the public pages do not carry every text of the portal to the phone.
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={{ app: messages.app }}>{children}</NextIntlClientProvider>
        <SendingGuard />
        <SoftLinks />
      </body>
    </html>
  );
}
