import { BufferAttribute, BufferGeometry, Color, DynamicDrawUsage, Line, LineBasicMaterial, Points, PointsMaterial } from "three";
import type { RingBuffer } from "@/lib/stream/ring-buffer";

/** Most rows drawn: the tracker keeps ~3 s at most one row per 12.5 ms (240), with room to spare. */
const CAPACITY = 512;
/** Trail length in time; older rows the tracker may still hold are left out. */
const WINDOW_MS = 3000;

/**
 * The wrist's path as a line and dots sharing one preallocated geometry (WebGL draws
 * lines one pixel wide; the dots give the path body on a projector). It fades out with
 * age through vertex alpha (3 s ago: gone): fading the colour toward the background
 * instead leaves black dots over the lit floor. `update` allocates nothing and only
 * rewrites the buffers when the trail has new rows.
 */
export class TrailBuffer {
  readonly line: Line<BufferGeometry, LineBasicMaterial>;
  readonly dots: Points<BufferGeometry, PointsMaterial>;
  private readonly geometry = new BufferGeometry();
  private readonly position = new BufferAttribute(new Float32Array(CAPACITY * 3), 3).setUsage(DynamicDrawUsage);
  /** RGBA: an itemSize of 4 makes three use the alpha. */
  private readonly color = new BufferAttribute(new Float32Array(CAPACITY * 4), 4).setUsage(DynamicDrawUsage);
  /** Trail columns as lib/pose writes them: tMs, then x, y, z (m, body frame). */
  private readonly tMs = new Float64Array(CAPACITY);
  private readonly x = new Float64Array(CAPACITY);
  private readonly y = new Float64Array(CAPACITY);
  private readonly z = new Float64Array(CAPACITY);
  private readonly accent: Color;
  private seenTotal = -1;

  constructor(accent: string) {
    this.accent = new Color(accent);
    this.geometry.setAttribute("position", this.position);
    this.geometry.setAttribute("color", this.color);
    this.geometry.setDrawRange(0, 0);
    this.line = new Line(this.geometry, new LineBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false }));
    this.dots = new Points(this.geometry, new PointsMaterial({ vertexColors: true, transparent: true, depthWrite: false, size: 4, sizeAttenuation: false }));
    // The bounds change every frame; culling by stale bounds would hide the trail.
    this.line.frustumCulled = false;
    this.dots.frustumCulled = false;
  }

  /** Refills from the tracker's trail; null (no tracker yet) draws nothing. */
  update(trail: RingBuffer | null): void {
    if (!trail) {
      this.geometry.setDrawRange(0, 0);
      this.seenTotal = -1;
      return;
    }
    if (trail.total === this.seenTotal) return;
    this.seenTotal = trail.total;
    const n = Math.min(trail.length, CAPACITY);
    const { tMs: t, x, y, z } = this;
    trail.copyChannel(0, t, n);
    trail.copyChannel(1, x, n);
    trail.copyChannel(2, y, n);
    trail.copyChannel(3, z, n);
    const newest = t[n - 1] ?? 0;
    const pos = this.position.array as Float32Array;
    const col = this.color.array as Float32Array;
    const { r, g, b } = this.accent;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const age = (newest - t[i]!) / WINDOW_MS;
      if (!(age <= 1) || Number.isNaN(x[i]!)) continue;
      // Quadratic: the last second stays bright, the tail goes quickly.
      const f = (1 - age) * (1 - age);
      pos[k * 3] = x[i]!;
      pos[k * 3 + 1] = y[i]!;
      pos[k * 3 + 2] = z[i]!;
      col[k * 4] = r;
      col[k * 4 + 1] = g;
      col[k * 4 + 2] = b;
      col[k * 4 + 3] = f;
      k++;
    }
    this.geometry.setDrawRange(0, k);
    this.position.needsUpdate = true;
    this.color.needsUpdate = true;
  }

  dispose(): void {
    this.geometry.dispose();
    this.line.material.dispose();
    this.dots.material.dispose();
  }
}
