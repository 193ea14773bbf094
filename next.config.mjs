import { networkInterfaces } from "node:os";

/**
 * Next 16 dev mode serves `/_next/*` only to allowed origins; phones on the LAN
 * load the page by the machine's LAN address, so every local IPv4 address is allowed.
 */
function lanHosts() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a.address);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  allowedDevOrigins: ["localhost", "127.0.0.1", ...lanHosts()],
  poweredByHeader: false,
  // The dev badge sits over the room sidebar; demos in dev mode should look like production.
  devIndicators: false,
};

export default nextConfig;
