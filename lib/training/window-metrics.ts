/**
 * Window-level validation figures for training progress and early stopping. They
 * are not the model's report card (that is the event-level evaluation, lib/eval),
 * only a cheap signal of whether another epoch still helps.
 */

export interface WindowMetrics {
  /**
   * Cross-entropy averaged within each class, then over the classes present: the
   * background outnumbers events ten to one or more, and a plain mean would let the
   * model look better by missing every event.
   */
  loss: number;
  accuracy: number;
  /** Mean F1 over the event classes (class 1 on), argmax decisions. */
  eventF1: number;
  /** Per class (index = class): precision and recall of argmax decisions; null when undefined. */
  precision: (number | null)[];
  recall: (number | null)[];
}

const EPS = 1e-7;

/** `probs`: `labels.length` rows of `classes` probabilities. */
export function windowMetrics(probs: Float32Array, labels: Int32Array, classes: number): WindowMetrics {
  const n = labels.length;
  const lossSum = new Float64Array(classes);
  const count = new Float64Array(classes);
  const truePos = new Float64Array(classes);
  const predicted = new Float64Array(classes);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const row = i * classes;
    lossSum[y]! -= Math.log(Math.max(EPS, probs[row + y]!));
    count[y]!++;
    let argmax = 0;
    for (let c = 1; c < classes; c++) if (probs[row + c]! > probs[row + argmax]!) argmax = c;
    predicted[argmax]!++;
    if (argmax === y) {
      correct++;
      truePos[y]!++;
    }
  }
  let loss = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    if (count[c]! === 0) continue;
    loss += lossSum[c]! / count[c]!;
    present++;
  }
  const precision = Array.from(truePos, (tp, c) => (predicted[c]! > 0 ? tp / predicted[c]! : null));
  const recall = Array.from(truePos, (tp, c) => (count[c]! > 0 ? tp / count[c]! : null));
  let f1Sum = 0;
  for (let c = 1; c < classes; c++) {
    const p = precision[c] ?? 0;
    const r = recall[c] ?? 0;
    f1Sum += p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  return {
    loss: present > 0 ? loss / present : NaN,
    accuracy: n > 0 ? correct / n : NaN,
    eventF1: classes > 1 ? f1Sum / (classes - 1) : NaN,
    precision,
    recall,
  };
}
