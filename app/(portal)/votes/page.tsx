import { requireActor } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";

export default async function Page() {
  await requireActor("vote.castAssembly");
  return <ComingSoon feature="votes" />;
}
