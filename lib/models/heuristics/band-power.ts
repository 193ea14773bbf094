/**
 * Power spectrum of a few-axis window over the bins of a limited frequency range: a
 * direct DFT over only the bins needed (tens of them), cheaper and simpler than an FFT
 * at these sizes. A Hann taper keeps a strong rhythm from leaking into far bins.
 */
export class BandSpectrum {
  readonly binHz: number;
  /** Lowest and highest bin computed. */
  readonly firstBin: number;
  readonly lastBin: number;
  /** Summed over axes, per bin from `firstBin`, unnormalised: only ratios of it are meaningful. */
  readonly power: Float64Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly taper: Float64Array;
  private readonly x: Float64Array;

  constructor(
    readonly samples: number,
    rateHz: number,
    loHz: number,
    hiHz: number,
  ) {
    this.binHz = rateHz / samples;
    this.firstBin = Math.max(1, Math.floor(loHz / this.binHz));
    this.lastBin = Math.min(Math.floor(samples / 2) - 1, Math.ceil(hiHz / this.binHz));
    const bins = this.lastBin - this.firstBin + 1;
    this.power = new Float64Array(bins);
    this.cos = new Float64Array(bins * samples);
    this.sin = new Float64Array(bins * samples);
    for (let b = 0; b < bins; b++) {
      for (let i = 0; i < samples; i++) {
        const phase = (2 * Math.PI * (this.firstBin + b) * i) / samples;
        this.cos[b * samples + i] = Math.cos(phase);
        this.sin[b * samples + i] = Math.sin(phase);
      }
    }
    this.taper = new Float64Array(samples);
    for (let i = 0; i < samples; i++) this.taper[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / samples);
    this.x = new Float64Array(samples);
  }

  /** Spectrum of columns `c0 .. c0+axes−1` of a time-major window, each with its mean removed. */
  compute(window: Float32Array, nChannels: number, c0: number, axes: number): Float64Array {
    const n = this.samples;
    this.power.fill(0);
    for (let a = 0; a < axes; a++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += window[i * nChannels + c0 + a]!;
      mean /= n;
      for (let i = 0; i < n; i++) this.x[i] = (window[i * nChannels + c0 + a]! - mean) * this.taper[i]!;
      for (let b = 0; b < this.power.length; b++) {
        let re = 0;
        let im = 0;
        const o = b * n;
        for (let i = 0; i < n; i++) {
          re += this.x[i]! * this.cos[o + i]!;
          im -= this.x[i]! * this.sin[o + i]!;
        }
        this.power[b] = this.power[b]! + re * re + im * im;
      }
    }
    return this.power;
  }

  /** Sum of the last `compute`'s power over bins whose centre lies in [loHz, hiHz]. */
  bandPower(loHz: number, hiHz: number): number {
    let sum = 0;
    for (let b = 0; b < this.power.length; b++) {
      const f = (this.firstBin + b) * this.binHz;
      if (f >= loHz && f <= hiHz) sum += this.power[b]!;
    }
    return sum;
  }
}
