import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon } from "@/components/ui/icons";

export function InvalidAddress({ input, reason }: { input: string; reason: string }) {
  return (
    <div role="alert">
      <EmptyState icon={<SearchIcon />} title="Not a valid Allora address" description={<><span className="font-mono break-all">{input}</span>: {reason}</>} />
    </div>
  );
}
