import { networkInterfaces } from "node:os";

/** The machine's IPv4 addresses a phone on the same network could reach. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === "IPv4" && !a.internal)
    .map((a) => a.address);
}

export function phoneBaseUrls(addresses: string[], httpsPort: number): string[] {
  return addresses.map((ip) => `https://${ip}:${httpsPort}`);
}
