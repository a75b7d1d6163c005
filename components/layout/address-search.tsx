import { SearchIcon } from "@/components/ui/icons";

/** A plain GET form: works without JavaScript, and /search decides where the query goes. */
export function AddressSearch() {
  return (
    <form role="search" action="/search" method="get" className="relative w-full min-w-0 sm:w-72">
      <label htmlFor="site-search" className="sr-only">Search an address, topic id or topic name</label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <input
        id="site-search"
        name="q"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="allo1…, allovaloper1…, topic"
        className="h-9 w-full rounded-lg border bg-background pr-3 pl-8 text-sm"
      />
    </form>
  );
}
