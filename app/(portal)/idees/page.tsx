import { requireActor } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";

export default async function Page() {
  await requireActor("idea.post");
  return <ComingSoon feature="ideas" />;
}
