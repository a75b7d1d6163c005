// Runs one signed message against the devnet's state: the chain's checks first (each failure is the chain's error),
// then, when `write` is set, the state change at height h and the events it emits. With `write` false nothing is
// touched (simulate, and the check before any message of a tx runs).
import type { DecodedMsg } from "./tx-decode";
import { SDK, type TxError } from "./tx-errors";
import type { MsgEnv, MsgOutcome } from "./tx-msg-env";
import { emissionsHandlers } from "./tx-msgs-emissions";
import { stakingHandlers } from "./tx-msgs-staking";

export type { MsgEnv, MsgOutcome } from "./tx-msg-env";

export function execMsg(msg: DecodedMsg, env: MsgEnv): MsgOutcome | TxError {
  const name = msg.typeUrl.split(".").pop() ?? "";
  const handler = msg.typeUrl.startsWith("/emissions.") ? emissionsHandlers[name] : stakingHandlers[msg.typeUrl];
  if (!handler) return SDK.unknownRequest(`the devnet does not execute ${msg.typeUrl}`);
  return handler(msg.value, env, msg.signer);
}
