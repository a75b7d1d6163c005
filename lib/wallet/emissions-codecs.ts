// Hand-written protobuf codecs for Allora's emissions staking messages (allora-chain x/emissions/proto tx.proto).
// @alloralabs/allora-sdk ships codecs only up to v7, and the chain registers only its current version, so we encode
// these few flat messages ourselves. Field numbers are identical in v9 and v10; only the type URL's package changes.
import type { EmissionsVersion } from "@/lib/allora/lcd-client";
import type { GeneratedType } from "@cosmjs/proto-signing";
import { BinaryReader, BinaryWriter, WireType } from "cosmjs-types/binary";

type Kind = "string" | "uint64";
type FieldSpec = readonly [name: string, field: number, kind: Kind];

/** sender is the signer on every one; `amount` is a cosmos.Int, a decimal string of uallo on the wire. */
export const EMISSIONS_MESSAGES = {
  AddStake: [["sender", 1, "string"], ["topicId", 2, "uint64"], ["amount", 3, "string"]],
  RemoveStake: [["sender", 1, "string"], ["topicId", 2, "uint64"], ["amount", 3, "string"]],
  CancelRemoveStake: [["sender", 1, "string"], ["topicId", 2, "uint64"]],
  DelegateStake: [["sender", 1, "string"], ["topicId", 2, "uint64"], ["reputer", 3, "string"], ["amount", 4, "string"]],
  // The odd one out: reputer before topic_id.
  RemoveDelegateStake: [["sender", 1, "string"], ["reputer", 2, "string"], ["topicId", 3, "uint64"], ["amount", 4, "string"]],
  CancelRemoveDelegateStake: [["sender", 1, "string"], ["topicId", 2, "uint64"], ["delegator", 3, "string"], ["reputer", 4, "string"]],
  RewardDelegateStake: [["sender", 1, "string"], ["topicId", 2, "uint64"], ["reputer", 3, "string"]],
} as const satisfies Record<string, readonly FieldSpec[]>;

export type EmissionsMessageName = keyof typeof EMISSIONS_MESSAGES;

type FieldsOf<N extends EmissionsMessageName> = (typeof EMISSIONS_MESSAGES)[N][number];
/** The message as a plain object: strings for addresses and amounts, bigint for topic ids (uint64 exceeds 2^53). */
export type EmissionsMessage<N extends EmissionsMessageName> = {
  [F in FieldsOf<N> as F[0]]: F[2] extends "uint64" ? bigint : string;
};

export type DelegateStakeMsg = EmissionsMessage<"DelegateStake">;
export type RemoveDelegateStakeMsg = EmissionsMessage<"RemoveDelegateStake">;

export function emissionsTypeUrl(name: EmissionsMessageName, version: EmissionsVersion): string {
  return `/emissions.${version}.${name}Request`;
}

type Plain = Record<string, string | bigint>;

function defaults(fields: readonly FieldSpec[]): Plain {
  return Object.fromEntries(fields.map(([name, , kind]) => [name, kind === "uint64" ? 0n : ""]));
}

/** The shape cosmjs's Registry calls (the telescope one: fromPartial, encode with a writer, decode). */
export type EmissionsCodec = {
  fromPartial(object: Partial<Plain>): Plain;
  encode(message: Plain, writer?: BinaryWriter): BinaryWriter;
  decode(input: Uint8Array | BinaryReader, length?: number): Plain;
};

function codec(fields: readonly FieldSpec[]): EmissionsCodec {
  const sorted = [...fields].sort((a, b) => a[1] - b[1]);
  return {
    fromPartial(object: Partial<Plain>) {
      const message = defaults(fields);
      for (const [name] of fields) if (object[name] !== undefined) message[name] = object[name];
      return message;
    },
    encode(message: Plain, writer: BinaryWriter = BinaryWriter.create()) {
      // proto3: a field at its default value is not written, as every protobuf encoder does.
      for (const [name, field, kind] of sorted) {
        const value = message[name];
        if (kind === "uint64" && value !== undefined && BigInt(value) !== 0n) writer.uint32((field << 3) | WireType.Varint).uint64(BigInt(value));
        if (kind === "string" && value !== undefined && value !== "") writer.uint32((field << 3) | WireType.Bytes).string(String(value));
      }
      return writer;
    },
    decode(input: Uint8Array | BinaryReader, length?: number) {
      const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
      const end = length === undefined ? reader.len : reader.pos + length;
      const message = defaults(fields);
      while (reader.pos < end) {
        const tag = reader.uint32();
        const spec = fields.find(([, field]) => field === tag >>> 3);
        const wire = tag & 7;
        if (!spec) reader.skipType(wire);
        else if (spec[2] === "uint64" && wire === WireType.Varint) message[spec[0]] = reader.uint64();
        else if (spec[2] === "string" && wire === WireType.Bytes) message[spec[0]] = reader.string();
        else throw new Error(`field ${spec[1]} (${spec[0]}) has wire type ${wire}, expected ${spec[2] === "uint64" ? 0 : 2}`);
      }
      return message;
    },
  };
}

/** [type URL, codec] for every emissions staking message of one emissions version, ready for a cosmjs Registry. */
export function emissionsRegistryTypes(version: EmissionsVersion): [string, GeneratedType][] {
  return (Object.keys(EMISSIONS_MESSAGES) as EmissionsMessageName[]).map((name) => [emissionsTypeUrl(name, version), codec(EMISSIONS_MESSAGES[name])]);
}
