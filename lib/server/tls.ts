import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { generate } from "selfsigned";

export interface TlsMaterial {
  key: string;
  cert: string;
  /** Where it came from, for the start-up banner. */
  origin: "user" | "generated" | "reused";
  path: string;
}

/**
 * Phones only expose motion sensors to secure contexts, so the LAN needs HTTPS.
 * A user's own cert (e.g. from mkcert, which phones can be told to trust) wins;
 * otherwise a self-signed one is made once and reused, so the phone's "proceed
 * anyway" is asked once, not on every start. It is remade when the machine gets an
 * address it does not cover.
 */
export async function tlsMaterialLoad(opts: {
  dataDir: string;
  hosts: string[];
  certFile?: string;
  keyFile?: string;
}): Promise<TlsMaterial> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error("Set both HTTPS_CERT and HTTPS_KEY, or neither.");
    return { cert: readFileSync(opts.certFile, "utf8"), key: readFileSync(opts.keyFile, "utf8"), origin: "user", path: opts.certFile };
  }
  const dir = join(opts.dataDir, "tls");
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, "utf8");
    if (certCovers(cert, opts.hosts)) return { cert, key: readFileSync(keyPath, "utf8"), origin: "reused", path: certPath };
  }
  const ips = opts.hosts.filter((h) => /^[\d.]+$/.test(h));
  const names = opts.hosts.filter((h) => !/^[\d.]+$/.test(h));
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const pems = await generate([{ name: "commonName", value: "Wristlab (local)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: notBefore,
    // Apple devices refuse server certificates valid for more than 825 days.
    notAfterDate: new Date(notBefore.getTime() + 800 * 24 * 3600 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, origin: "generated", path: certPath };
}

function certCovers(pem: string, hosts: string[]): boolean {
  try {
    const x = new X509Certificate(pem);
    if (new Date(x.validTo).getTime() < Date.now() + 7 * 24 * 3600 * 1000) return false;
    return hosts.every((h) => (/^[\d.]+$/.test(h) ? x.checkIP(h) : x.checkHost(h)) !== undefined);
  } catch {
    return false;
  }
}
