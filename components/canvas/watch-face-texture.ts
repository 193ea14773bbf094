import { CanvasTexture, SRGBColorSpace } from "three";

const SIZE = 256;

/**
 * A smartwatch screen drawn once into a texture: a ring in the device's accent colour,
 * the time and a marker at 12 o'clock. The marker matters more than it looks: it makes
 * the watch's roll readable from across a room.
 */
export function watchFaceTexture(accent: string): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = SIZE;
  canvas.height = SIZE;
  const g = canvas.getContext("2d");
  if (g) {
    g.fillStyle = "#05080c";
    g.fillRect(0, 0, SIZE, SIZE);
    const c = SIZE / 2;
    g.lineWidth = 16;
    g.strokeStyle = accent;
    g.globalAlpha = 0.3;
    g.beginPath();
    g.arc(c, c, 100, 0, Math.PI * 2);
    g.stroke();
    g.globalAlpha = 1;
    // Activity-ring look: most of the circle lit, starting at 12.
    g.beginPath();
    g.arc(c, c, 100, -Math.PI / 2, Math.PI * 1.15);
    g.lineCap = "round";
    g.stroke();
    g.fillStyle = "#ffffff";
    g.beginPath();
    g.arc(c, c - 100, 14, 0, Math.PI * 2);
    g.fill();
    g.font = "700 68px ui-sans-serif, system-ui, sans-serif";
    g.textAlign = "center";
    g.textBaseline = "middle";
    g.fillText("10:09", c, c + 4);
    g.font = "600 26px ui-sans-serif, system-ui, sans-serif";
    g.fillStyle = accent;
    g.fillText("WRISTLAB", c, c + 52);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}
