import { LanguageSwitch } from "@/components/language-switch";

// Pages for anyone, without an account: narrow, large targets, plain words.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-screen max-w-lg flex-col px-4 py-4">
      <header className="mb-4 flex justify-end">
        <LanguageSwitch />
      </header>
      <main id="contenu" className="flex-1">
        {children}
      </main>
    </div>
  );
}
