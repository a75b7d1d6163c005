// What a page hands a flow button: plain, serializable data naming the flow and the position it acts on. Types only,
// so the pages and the light launcher carry no wallet code.
export type ValidatorOption = { operatorAddress: string; moniker: string | null };

export type FlowSpec =
  | { flow: "delegate-reputer"; topicId: string; reputer: string }
  | { flow: "remove-delegation"; topicId: string; reputer: string; owner: string; delegated: string }
  | { flow: "cancel-removal"; topicId: string; reputer: string; owner: string; amount: string }
  | { flow: "claim-rewards"; topicId: string; reputer: string; owner: string; pendingReward: string | null }
  | { flow: "validator-delegate"; validator: string; moniker: string | null }
  | { flow: "undelegate"; validator: string; moniker: string | null; owner: string; delegated: string }
  | { flow: "redelegate"; validator: string; moniker: string | null; owner: string; delegated: string; validators: ValidatorOption[] }
  | { flow: "cancel-unbonding"; validator: string; owner: string; amount: string; creationHeight: string }
  | { flow: "withdraw-rewards"; validator: string; moniker: string | null; owner: string; pendingReward: string | null };

export type FlowKind = FlowSpec["flow"];
