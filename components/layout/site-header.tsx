import Link from "next/link";
import type { IndexStatusDto } from "@/lib/queries/status";
import { LogoMark } from "@/components/ui/icons";
import { NetworkStatus } from "@/components/layout/network-status";
import { SiteNav } from "@/components/layout/site-nav";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { AddressSearch } from "@/components/layout/address-search";
import { ConnectEntry } from "@/components/wallet/connect-entry";
import type { WalletChain } from "@/lib/wallet/chain";

export const PRODUCT_NAME = "Allora Dashboard";

export function SiteHeader({ status, walletChain }: { status: IndexStatusDto | null; walletChain: WalletChain }) {
  return (
    <header className="border-b bg-card/80 backdrop-blur supports-[backdrop-filter]:bg-card/70">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 pt-3 pb-2 sm:flex-nowrap">
          <Link href="/" className="mr-auto flex items-center gap-2.5 rounded-md font-semibold tracking-tight">
            <LogoMark />
            <span>{PRODUCT_NAME}</span>
          </Link>
          <div className="order-last w-full min-w-0 sm:order-none sm:w-auto">
            <NetworkStatus status={status} />
          </div>
          <div className="order-last w-full sm:order-none sm:w-auto">
            <AddressSearch />
          </div>
          <ConnectEntry chain={walletChain} />
          <ThemeToggle />
        </div>
        <SiteNav />
      </div>
    </header>
  );
}
