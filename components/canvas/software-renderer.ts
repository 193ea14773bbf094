/**
 * Whether WebGL runs on the CPU (SwiftShader in headless Chromium, llvmpipe, Windows'
 * basic renderer). There a frame with multisampling and shadow maps costs ~70 ms on two
 * cores (measured: 14 fps with both, 36 fps without), which starves the page's charts; the scene
 * then drops both. Probed on a throwaway context because antialiasing cannot be changed
 * once the real one exists.
 */
export function softwareRendererDetect(): boolean {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}
