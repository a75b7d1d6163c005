import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getIndexStatus } from "@/lib/queries/status";
import { listReputerStakes, listValidators } from "@/lib/queries/staking";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CoinsIcon, ShieldIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { ReputerTable } from "@/components/staking/reputer-table";
import { ValidatorTable } from "@/components/staking/validator-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staking" };

type SectionProps = { id: string; title: string; description: string; more: { href: string; label: string }; children: ReactNode };

function Section({ id, title, description, more, children }: SectionProps) {
  return (
    <section aria-labelledby={id} className="min-w-0">
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted-foreground">
        {description}{" "}
        <Link href={more.href} className="font-medium text-foreground underline underline-offset-2">
          {more.label}
        </Link>
      </p>
      {children}
    </section>
  );
}

export default async function StakingPage() {
  const [status, stakes, validators] = await Promise.all([getIndexStatus(), listReputerStakes(), listValidators()]);
  return (
    <>
      <PageHeader
        title="Staking"
        description="ALLO works in two places: delegated to reputers per topic, and staked with validators that secure the chain. Search any address in the header for its positions, pending rewards and exits."
        aside={<AsOf status={status} />}
      />
      <div className="grid gap-10">
        <Section
          id="reputers-heading"
          title="Reputers"
          description="Reputers stake ALLO to judge predictions against reality; delegators share their rewards per topic."
          more={{ href: "/staking/reputers", label: "Reputer directory: scores, realized rewards, compare" }}
        >
          {stakes.length === 0 ? (
            <EmptyState
              headingLevel="h3"
              icon={<CoinsIcon />}
              title="No reputer stakes indexed yet"
              description="Each reputer's self and delegated stake per topic will be listed here, as of the block it was last seen."
              command="npm run demo"
            />
          ) : (
            <ReputerTable stakes={stakes} />
          )}
        </Section>
        <Section
          id="validators-heading"
          title="Validators"
          description="Validators secure the Allora chain; ALLO staked with them earns a share of block rewards minus commission."
          more={{ href: "/staking/validators", label: "Validator directory: commission history, APR, compare" }}
        >
          {validators.length === 0 ? (
            <EmptyState
              headingLevel="h3"
              icon={<ShieldIcon />}
              title="No validators indexed yet"
              description="Every validator's status, bonded ALLO and commission will be listed here once the collector has read the validator set."
              command="npm run demo"
            />
          ) : (
            <ValidatorTable validators={validators} />
          )}
        </Section>
      </div>
    </>
  );
}
