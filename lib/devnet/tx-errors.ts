// ABCI errors as the real chain reports them: codespace, code and the raw log text (the wrapped message first, then
// the registered error's own text, as cosmossdk.io/errors prints a Wrap). Codes are the SDK's (types/errors), x/staking's,
// x/distribution's and allora-chain's x/emissions/types/errors.go.
export interface TxError {
  codespace: string;
  code: number;
  log: string;
}

const err = (codespace: string, code: number, text: string) => (wrap?: string): TxError => ({ codespace, code, log: wrap ? `${wrap}: ${text}` : text });

export const SDK = {
  txDecode: err("sdk", 2, "tx parse error"),
  unauthorized: err("sdk", 4, "unauthorized"),
  insufficientFunds: err("sdk", 5, "insufficient funds"),
  unknownRequest: err("sdk", 6, "unknown request"),
  invalidAddress: err("sdk", 7, "invalid address"),
  invalidPubKey: err("sdk", 8, "invalid pubkey"),
  invalidCoins: err("sdk", 10, "invalid coins"),
  outOfGas: err("sdk", 11, "out of gas"),
  insufficientFee: err("sdk", 13, "insufficient fee"),
  noSignatures: err("sdk", 15, "no signatures supplied"),
  invalidRequest: err("sdk", 18, "invalid request"),
  txInMempoolCache: err("sdk", 19, "tx already exists in cache"),
  wrongSequence: err("sdk", 32, "incorrect account sequence"),
};

export const STAKING = {
  noValidatorFound: err("staking", 3, "validator does not exist"),
  noDelegation: err("staking", 19, "no delegation for (address, validator) tuple"),
  noUnbondingDelegation: err("staking", 26, "no unbonding delegation found"),
};

export const DISTRIBUTION = {
  emptyDelegationDistInfo: err("distribution", 5, "no delegation distribution info"),
  noValidatorExists: err("distribution", 12, "validator does not exist"),
};

export const EMISSIONS = {
  addressNotRegisteredInTopic: err("emissions", 10, "address is not registered in this topic"),
  topicDoesNotExist: err("emissions", 23, "topic does not exist"),
  insufficientDelegateStakeToRemove: err("emissions", 49, "insufficient delegate stake to remove"),
  insufficientStakeToRemove: err("emissions", 14, "insufficient stake to remove"),
  receivedZeroAmount: err("emissions", 51, "received zero amount"),
  stakeRemovalNotFound: err("emissions", 64, "No stake removal found"),
};

export const isTxError = (x: unknown): x is TxError => typeof x === "object" && x !== null && "codespace" in x && "code" in x && "log" in x;

/** Message failures are wrapped by baseapp with the failing message's index. */
export const inMessage = (e: TxError, index: number): TxError => ({ ...e, log: `failed to execute message; message index: ${index}: ${e.log}` });
