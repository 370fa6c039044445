import { ClientMessages } from "@/components/client-messages";

// The idea box's tools for the coordination (management, poster, translations): all its texts.
// The board (../page.tsx) gives its own, fewer.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["ideas"]}>{children}</ClientMessages>;
}
