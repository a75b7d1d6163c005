// Loss methods. mse is exact; czar and ztae are devnet stand-ins for the chain's robust losses,
// applied to the error divided by the topic's typical scale (z-scored):
//   ztae = |tanh(z)|            (bounded, heavy-tail proof)
//   czar = ln(1 + z²)           (Cauchy-style, grows slowly for outliers)
// Multi-label topics average the per-label loss.
import type { LossMethod } from "./config";

export function lossOf(method: LossMethod, pred: ArrayLike<number>, truth: ArrayLike<number>, scale: ArrayLike<number>): number {
  let sum = 0;
  for (let l = 0; l < truth.length; l++) {
    const e = pred[l]! - truth[l]!;
    if (method === "mse") sum += e * e;
    else {
      const z = e / scale[l]!;
      sum += method === "ztae" ? Math.abs(Math.tanh(z)) : Math.log1p(z * z);
    }
  }
  return sum / truth.length;
}

/** The loss a forecaster expects from an inferer whose typical error is `errorScale` per label. */
export function expectedLoss(method: LossMethod, errorScale: ArrayLike<number>, scale: ArrayLike<number>): number {
  let sum = 0;
  for (let l = 0; l < errorScale.length; l++) {
    const e = 0.8 * errorScale[l]!;
    if (method === "mse") sum += e * e;
    else {
      const z = e / scale[l]!;
      sum += method === "ztae" ? Math.abs(Math.tanh(z)) : Math.log1p(z * z);
    }
  }
  return sum / errorScale.length;
}

export function log10Safe(x: number): number {
  return Math.log10(Math.max(x, 1e-40));
}
