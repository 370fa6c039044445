import { ClientMessages } from "@/components/client-messages";

// The idea box.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["errors", "ideas"]}>{children}</ClientMessages>;
}
