import { ClientMessages } from "@/components/client-messages";

// The profile: being contacted (lib/contacts) is its only client form.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["contacts"]}>{children}</ClientMessages>;
}
