import * as tf from "@tensorflow/tfjs";

/**
 * Our own `Conv2DBackpropFilter` (the weight gradient of conv2d, and so of conv1d,
 * which tfjs runs as a conv2d of height 1) for the `wasm` and `cpu` backends.
 *
 * Why: training a 1D CNN in Node with stock tfjs is either impossible or very slow.
 * The wasm backend has no `Conv2DBackpropFilter` at all, so `fit` throws; the cpu
 * backend has one, but it reads every element through `TensorBuffer.get` index
 * arithmetic, which made it ~1.7 s of every ~1.9 s batch of a 3k-parameter CNN on
 * [32, 100, 6] (see /work/shared/FACTS.md). tfjs-node, whose native kernel would
 * do, cannot be installed here.
 *
 * How: the gradient is the im2col product dW = patchesᵀ · dy, where row r of
 * `patches` holds the input values under the filter for output position r. A plain
 * loop copies the patches out, already transposed ([filter taps × cin, positions]),
 * and the backend's own BatchMatMul does the multiply-adds: XNNPACK's SIMD code on
 * wasm (~1.6 ms of a ~15 ms batch, against ~9 ms for the same sum as JS loops), a
 * blocked float64-accumulating loop on cpu. Both match tfjs's own cpu kernel within
 * float32 rounding.
 *
 * Dilation is not an attribute of this kernel: tfjs's conv2d gradient refuses
 * dilations > 1 before any backprop kernel runs, so models meant for training here
 * keep dilation 1.
 *
 * No Node imports: the browser's teach-a-gesture trainer can register it too (webgl
 * has its own kernel and is left alone).
 */

export const CONV_GRAD_BACKENDS = ["wasm", "cpu"] as const;
export type ConvGradBackend = (typeof CONV_GRAD_BACKENDS)[number];

interface ConvGradAttrs {
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

/** The few backend calls we need, which the cpu and wasm backends spell differently. */
interface BackendIo {
  /** The tensor's values; on wasm a view into the heap, valid until the next allocation. */
  read(t: tf.TensorInfo): Float32Array;
  /** A new zeroed float32 tensor, and a way to get a writable view of it (after any other allocation). */
  alloc(shape: number[]): { info: tf.TensorInfo; values: () => Float32Array };
  dispose(t: tf.TensorInfo): void;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: "float32", values: Float32Array): tf.TensorInfo;
  disposeData(dataId: object): void;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: "float32"): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  disposeData(dataId: object): void;
}

function backendIo(name: ConvGradBackend, backend: unknown): BackendIo {
  if (name === "cpu") {
    const cpu = backend as CpuBackendLike;
    return {
      read: (t) => cpu.data.get(t.dataId).values as Float32Array,
      alloc: (shape) => {
        const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
        return { info: cpu.makeTensorInfo(shape, "float32", values), values: () => values };
      },
      dispose: (t) => cpu.disposeData(t.dataId),
    };
  }
  const wasm = backend as WasmBackendLike;
  return {
    read: (t) => wasm.typedArrayFromHeap(t),
    alloc: (shape) => {
      const info = wasm.makeOutput(shape, "float32");
      const values = () => wasm.typedArrayFromHeap(info);
      values().fill(0);
      return { info, values };
    },
    dispose: (t) => wasm.disposeData(t.dataId),
  };
}

/** Element strides of a 4-D tensor in NHWC or NCHW order, by meaning. */
function strides(channelsLast: boolean, h: number, w: number, c: number) {
  return channelsLast ? { b: h * w * c, row: w * c, col: c, ch: 1 } : { b: c * h * w, row: w, col: 1, ch: h * w };
}

/**
 * patchesᵀ: [fh × fw × cin, batch × outH × outW], zero where a tap falls in the
 * padding. Rows are in the filter's own [fh, fw, cin] order, so the product comes
 * out as [fh, fw, cin, cout] without a transpose.
 */
function patchesFill(out: Float32Array, x: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const positions = batchSize * outHeight * outWidth;
  const xs = strides(info.dataFormat === "channelsLast", inHeight, inWidth, inChannels);
  for (let b = 0, p = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      for (let yc = 0; yc < outWidth; yc++, p++) {
        for (let fr = 0; fr < filterHeight; fr++) {
          const xr = yr * strideHeight + fr - top;
          if (xr < 0 || xr >= inHeight) continue;
          for (let fc = 0; fc < filterWidth; fc++) {
            const xc = yc * strideWidth + fc - left;
            if (xc < 0 || xc >= inWidth) continue;
            const src = b * xs.b + xr * xs.row + xc * xs.col;
            const dst = (fr * filterWidth + fc) * inChannels * positions + p;
            for (let i = 0; i < inChannels; i++) out[dst + i * positions] = x[src + i * xs.ch]!;
          }
        }
      }
    }
  }
}

/** dy as a [positions, cout] matrix: NHWC already is one; NCHW is copied into that order. */
function dyMatrix(io: BackendIo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): { info: tf.TensorInfo; owned: boolean } {
  const { batchSize, outHeight, outWidth, outChannels } = info;
  const positions = batchSize * outHeight * outWidth;
  const shape = [1, positions, outChannels];
  if (info.dataFormat === "channelsLast") return { info: { dataId: dy.dataId, shape, dtype: "float32" }, owned: false };
  const copy = io.alloc(shape);
  const src = io.read(dy);
  const dst = copy.values();
  const plane = outHeight * outWidth;
  for (let b = 0; b < batchSize; b++) {
    for (let o = 0; o < outChannels; o++) {
      for (let q = 0; q < plane; q++) dst[(b * plane + q) * outChannels + o] = src[(b * outChannels + o) * plane + q]!;
    }
  }
  return { info: copy.info, owned: true };
}

function kernelFor(name: ConvGradBackend): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as ConvGradAttrs;
    if (x.dtype !== "float32" || dy.dtype !== "float32") throw new Error(`Conv2DBackpropFilter: needs float32 tensors, got ${x.dtype} and ${dy.dtype}`);
    const matMul = tf.getKernel("BatchMatMul", name)?.kernelFunc;
    if (!matMul) throw new Error(`Conv2DBackpropFilter: the ${name} backend has no BatchMatMul kernel`);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      tf.backend_util.convertConv2DDataFormat(a.dataFormat),
    );
    const io = backendIo(name, backend);
    const taps = info.filterHeight * info.filterWidth * info.inChannels;
    const positions = info.batchSize * info.outHeight * info.outWidth;
    const patches = io.alloc([1, taps, positions]);
    patchesFill(patches.values(), io.read(x), info);
    const dym = dyMatrix(io, dy, info);
    try {
      const out = matMul({ inputs: { a: patches.info, b: dym.info }, backend: backend as tf.KernelBackend, attrs: { transposeA: false, transposeB: false } });
      return { ...(out as tf.TensorInfo), shape: [...info.filterShape] };
    } finally {
      io.dispose(patches.info);
      if (dym.owned) io.dispose(dym.info);
    }
  };
}

const KERNELS: Record<ConvGradBackend, tf.KernelFunc> = { wasm: kernelFor("wasm"), cpu: kernelFor("cpu") };

/**
 * Makes ours the `Conv2DBackpropFilter` of the given backends. Idempotent; replaces
 * the cpu backend's own. Registration is by backend name, so it may run before the
 * backend initialises.
 */
export function convGradKernelRegister(backends: readonly ConvGradBackend[] = CONV_GRAD_BACKENDS): void {
  for (const name of backends) {
    const ours = KERNELS[name];
    const current = tf.getKernel(tf.Conv2DBackpropFilter, name);
    if (current?.kernelFunc === ours) continue;
    if (current) tf.unregisterKernel(tf.Conv2DBackpropFilter, name);
    tf.registerKernel({ kernelName: tf.Conv2DBackpropFilter, backendName: name, kernelFunc: ours });
  }
}

/** Whether ours is the registered kernel for `backend`. */
export function convGradKernelRegistered(backend: ConvGradBackend): boolean {
  return tf.getKernel(tf.Conv2DBackpropFilter, backend)?.kernelFunc === KERNELS[backend];
}
