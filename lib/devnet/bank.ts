// Accounts and balances of the wallet test accounts: uallo balances, sequences and public keys as of any height.
// Only these accounts exist for x/auth and x/bank here (the simulated actors never sign, so they have no account).
import { Series, SeriesMap } from "./series";
import { TEST_ACCOUNT_GENESIS_UALLO, TEST_ACCOUNTS } from "./test-accounts";

export interface AccountState {
  address: string;
  accountNumber: number;
  sequence: number;
  /** base64 secp256k1 compressed key, set by the account's first transaction. */
  pubkey: string | null;
}

export class Bank {
  private readonly numbers = new Map<string, number>();
  private readonly balances = new SeriesMap<bigint>(0n);
  private readonly sequences = new SeriesMap<number>(0);
  private readonly pubkeys = new Map<string, Series<string | null>>();

  constructor() {
    for (const a of TEST_ACCOUNTS) {
      this.numbers.set(a.address, a.accountNumber);
      this.balances.get(a.address).set(1, TEST_ACCOUNT_GENESIS_UALLO);
    }
  }

  has(address: string): boolean {
    return this.numbers.has(address);
  }

  accountAt(address: string, h: number): AccountState | null {
    const accountNumber = this.numbers.get(address);
    if (accountNumber === undefined) return null;
    return { address, accountNumber, sequence: this.sequences.peek(address)?.at(h) ?? 0, pubkey: this.pubkeys.get(address)?.at(h) ?? null };
  }

  /** The latest committed state (what the next block's transactions start from). */
  account(address: string): AccountState | null {
    return this.accountAt(address, Number.MAX_SAFE_INTEGER);
  }

  balanceAt(address: string, h: number): bigint {
    return this.balances.peek(address)?.at(h) ?? 0n;
  }

  balance(address: string): bigint {
    return this.balances.peek(address)?.latest() ?? 0n;
  }

  /** Adds (or with a negative delta takes) uallo; the caller checked a debit is covered. */
  change(address: string, delta: bigint, h: number): void {
    if (delta === 0n) return;
    const s = this.balances.get(address);
    const next = s.latest() + delta;
    if (next < 0n) throw new Error(`devnet bank: ${address} would go negative at ${h}`);
    s.set(h, next);
  }

  /** Records a transaction's signer: the sequence goes up by one and the public key is kept from the first one. */
  signed(address: string, pubkey: string, h: number): void {
    const seq = this.sequences.get(address);
    seq.set(h, seq.latest() + 1);
    let keys = this.pubkeys.get(address);
    if (!keys) this.pubkeys.set(address, (keys = new Series<string | null>(null)));
    if (keys.latest() === null) keys.set(h, pubkey);
  }
}
