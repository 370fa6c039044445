import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";

// Pages for anyone, without an account: narrow, large targets, plain words; their forms get
// only the texts they use.
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <div className="mx-auto flex min-h-screen max-w-lg flex-col px-4 py-4">
      <header className="mb-4 flex justify-end">
        <LanguageSwitch />
      </header>
      <main id="contenu" className="flex-1">
        <NextIntlClientProvider
          messages={{ ideas: messages.ideas, newsletter: messages.newsletter, errors: messages.errors }}
        >
          {children}
        </NextIntlClientProvider>
      </main>
    </div>
  );
}
