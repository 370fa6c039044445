import { MessagePage } from "@/components/message-page";

export default function Forbidden() {
  return <MessagePage namespace="forbidden" />;
}
