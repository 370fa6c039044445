import { ClientMessages } from "@/components/client-messages";

// Events: announced, signed up to, ticked at the door.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["events"]}>{children}</ClientMessages>;
}
