// x/slashing LCD paths in the real response format: signing infos (paginated) and params, whose Dec fields are
// proto bytes and so travel base64 through the gateway.
import { ok, route, type Route } from "./rest-common";
import { paginate } from "./rest-cosmos";
import { isoTime } from "./rpc";
import { SIGNED_BLOCKS_WINDOW, signingInfoJson } from "./slashing";

const b64 = (text: string) => Buffer.from(text).toString("base64");

export function slashingRoutes(): Route[] {
  const S = "/cosmos/slashing/v1beta1";
  return [
    route(`${S}/signing_infos`, (ctx) => {
      const all = ctx.sim.validators.list.flatMap((v) => signingInfoJson(ctx.sim, v, ctx.h, isoTime) ?? []);
      const { page, pagination } = paginate(ctx, all);
      return ok({ info: page, pagination });
    }),
    route(`${S}/params`, () =>
      ok({
        params: {
          signed_blocks_window: String(SIGNED_BLOCKS_WINDOW),
          min_signed_per_window: b64("500000000000000000"),
          downtime_jail_duration: "600s",
          slash_fraction_double_sign: b64("50000000000000000"),
          slash_fraction_downtime: b64("10000000000000000"),
        },
      }),
    ),
  ];
}
