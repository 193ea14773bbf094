import * as tf from "@tensorflow/tfjs";

/**
 * The small 1D CNN trained for every interaction: [windowSamples, channels] ->
 * conv1d(16, k5) -> max-pool 2 -> conv1d(32, k5) -> max-pool 2 -> conv1d(32, k5) ->
 * global average and global max pooling side by side -> dense softmax. About 8.4k
 * parameters for 6 channels and 2 classes: well under a millisecond per window on
 * wasm, small enough to train in about a second per 2,000 windows in Node.
 *
 * Why three convolutions: each output of the last one sees 32 input frames (320 ms
 * at 100 Hz). With two it saw 14 (140 ms), too few to hold both taps of a double
 * tap, 150-350 ms apart: telling one tap from two needs both in view at once.
 *
 * Why both poolings: a tap lasts one or two frames of a 100-frame window, and an
 * average over the window all but erases it, while the maximum keeps it; a sustained
 * activity (handwashing) is better told by the average. Both are position-free,
 * which is what the window labelling assumes (window-labels.ts).
 *
 * Convolutions keep stride and dilation 1 (tfjs has no gradient for dilated conv2d):
 * the poolings between them widen what the last one sees instead.
 * Every initialiser is seeded, so a seed gives the same untrained model.
 */

export interface CnnOptions {
  windowSamples: number;
  channels: number;
  classes: number;
  seed: number;
  filters?: readonly [number, number];
  kernelSize?: number;
}

export function cnnModelCreate(opts: CnnOptions): tf.LayersModel {
  const { windowSamples, channels, classes, seed } = opts;
  const [f1, f2] = opts.filters ?? [16, 32];
  const kernelSize = opts.kernelSize ?? 5;
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 16 + k });

  const input = tf.input({ shape: [windowSamples, channels], name: "window" });
  const conv1 = tf.layers
    .conv1d({ filters: f1, kernelSize, padding: "same", activation: "relu", kernelInitializer: init(1), name: "conv1" })
    .apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.maxPooling1d({ poolSize: 2, name: "pool1" }).apply(conv1) as tf.SymbolicTensor;
  const conv2 = tf.layers
    .conv1d({ filters: f2, kernelSize, padding: "same", activation: "relu", kernelInitializer: init(2), name: "conv2" })
    .apply(pooled) as tf.SymbolicTensor;
  const pooled2 = tf.layers.maxPooling1d({ poolSize: 2, name: "pool2" }).apply(conv2) as tf.SymbolicTensor;
  const conv3 = tf.layers
    .conv1d({ filters: f2, kernelSize, padding: "same", activation: "relu", kernelInitializer: init(4), name: "conv3" })
    .apply(pooled2) as tf.SymbolicTensor;
  const mean = tf.layers.globalAveragePooling1d({ name: "mean" }).apply(conv3) as tf.SymbolicTensor;
  const max = tf.layers.globalMaxPooling1d({ name: "max" }).apply(conv3) as tf.SymbolicTensor;
  const features = tf.layers.concatenate({ name: "features" }).apply([mean, max]) as tf.SymbolicTensor;
  const probs = tf.layers
    .dense({ units: classes, activation: "softmax", kernelInitializer: init(3), name: "probs" })
    .apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: probs, name: "wristlab_cnn" });
}
