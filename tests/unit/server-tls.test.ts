import { X509Certificate, createPrivateKey } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tlsMaterialLoad } from "@/lib/server/tls";

// Making a 2048-bit key takes about a second, more on a busy machine.
const KEYGEN_TIMEOUT_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "wristlab-tls-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const san = (pem: string) => new X509Certificate(pem).subjectAltName ?? "";
const sanEntries = (pem: string) => san(pem).split(", ").sort();

describe("tlsMaterialLoad, self-signed", () => {
  it(
    "remakes the certificate for an address that is only a prefix of a covered one",
    async () => {
      await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1", "192.168.1.23"] });
      const t = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1", "192.168.1.2"] });
      expect(t.origin).toBe("generated");
      expect(new X509Certificate(t.cert).checkIP("192.168.1.2")).toBe("192.168.1.2");
    },
    KEYGEN_TIMEOUT_MS,
  );

  it(
    "generates a certificate covering the hosts, with its key, stored under dataDir/tls",
    async () => {
      const t = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1", "192.168.1.20"] });
      expect(t.origin).toBe("generated");
      expect(t.path).toBe(join(dataDir, "tls", "cert.pem"));
      expect(sanEntries(t.cert)).toEqual(["DNS:localhost", "IP Address:127.0.0.1", "IP Address:192.168.1.20"]);
      expect(san(t.cert)).toContain("IP Address:127.0.0.1");
      expect(san(t.cert)).toContain("DNS:localhost");

      const x = new X509Certificate(t.cert);
      expect(x.checkPrivateKey(createPrivateKey(t.key))).toBe(true);
      expect(x.ca).toBe(false);
      // Apple devices refuse server certificates valid for more than 825 days.
      const validFrom = new Date(x.validFrom).getTime();
      const validTo = new Date(x.validTo).getTime();
      expect(validFrom).toBeLessThanOrEqual(Date.now());
      expect(validTo - validFrom).toBeLessThanOrEqual(825 * DAY_MS);
      expect(validTo).toBeGreaterThan(Date.now() + 365 * DAY_MS);

      expect(readFileSync(join(dataDir, "tls", "cert.pem"), "utf8")).toBe(t.cert);
      expect(readFileSync(join(dataDir, "tls", "key.pem"), "utf8")).toBe(t.key);
      expect(statSync(join(dataDir, "tls", "key.pem")).mode & 0o777).toBe(0o600);
    },
    KEYGEN_TIMEOUT_MS,
  );

  it(
    "reuses the stored certificate while it covers the hosts",
    async () => {
      const first = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1"] });
      const second = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1"] });
      expect(second.origin).toBe("reused");
      expect(second.cert).toBe(first.cert);
      expect(second.key).toBe(first.key);
      expect(second.path).toBe(first.path);
      const fewer = await tlsMaterialLoad({ dataDir, hosts: ["127.0.0.1"] });
      expect(fewer.origin).toBe("reused");
      expect(fewer.cert).toBe(first.cert);
    },
    KEYGEN_TIMEOUT_MS,
  );

  it(
    "makes a new certificate when a host appears that the old one does not cover",
    async () => {
      const first = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1"] });
      const moved = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1", "10.1.2.3"] });
      expect(moved.origin).toBe("generated");
      expect(moved.cert).not.toBe(first.cert);
      expect(sanEntries(moved.cert)).toEqual(["DNS:localhost", "IP Address:10.1.2.3", "IP Address:127.0.0.1"]);
      const again = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1", "10.1.2.3"] });
      expect(again.origin).toBe("reused");
      expect(again.cert).toBe(moved.cert);
    },
    KEYGEN_TIMEOUT_MS,
  );

  it(
    "makes a new certificate when the stored one expires within a week",
    async () => {
      const notBefore = new Date(Date.now() - DAY_MS);
      const old = await generate([{ name: "commonName", value: "old" }], {
        keySize: 2048,
        algorithm: "sha256",
        notBeforeDate: notBefore,
        notAfterDate: new Date(Date.now() + 3 * DAY_MS),
        extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] }],
      });
      mkdirSync(join(dataDir, "tls"));
      writeFileSync(join(dataDir, "tls", "cert.pem"), old.cert);
      writeFileSync(join(dataDir, "tls", "key.pem"), old.private);

      const t = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1"] });
      expect(t.origin).toBe("generated");
      expect(t.cert).not.toBe(old.cert);
      expect(new Date(new X509Certificate(t.cert).validTo).getTime()).toBeGreaterThan(Date.now() + 365 * DAY_MS);
    },
    KEYGEN_TIMEOUT_MS,
  );

  it(
    "replaces a stored certificate it cannot read",
    async () => {
      mkdirSync(join(dataDir, "tls"));
      writeFileSync(join(dataDir, "tls", "cert.pem"), "not a certificate");
      writeFileSync(join(dataDir, "tls", "key.pem"), "not a key");
      const t = await tlsMaterialLoad({ dataDir, hosts: ["localhost"] });
      expect(t.origin).toBe("generated");
      expect(sanEntries(t.cert)).toEqual(["DNS:localhost"]);
      expect(readFileSync(join(dataDir, "tls", "cert.pem"), "utf8")).toBe(t.cert);
    },
    KEYGEN_TIMEOUT_MS,
  );
});

describe("tlsMaterialLoad, user certificate", () => {
  it("uses the user's cert and key when both are given, and stores nothing", async () => {
    const certFile = join(dataDir, "mine.pem");
    const keyFile = join(dataDir, "mine-key.pem");
    writeFileSync(certFile, "-----BEGIN CERTIFICATE-----\nuser cert\n-----END CERTIFICATE-----\n");
    writeFileSync(keyFile, "-----BEGIN PRIVATE KEY-----\nuser key\n-----END PRIVATE KEY-----\n");
    const t = await tlsMaterialLoad({ dataDir, hosts: ["localhost", "127.0.0.1"], certFile, keyFile });
    expect(t).toEqual({
      origin: "user",
      path: certFile,
      cert: "-----BEGIN CERTIFICATE-----\nuser cert\n-----END CERTIFICATE-----\n",
      key: "-----BEGIN PRIVATE KEY-----\nuser key\n-----END PRIVATE KEY-----\n",
    });
    expect(existsSync(join(dataDir, "tls"))).toBe(false);
  });

  it("refuses a cert without a key and a key without a cert", async () => {
    const file = join(dataDir, "half.pem");
    writeFileSync(file, "x");
    await expect(tlsMaterialLoad({ dataDir, hosts: ["localhost"], certFile: file })).rejects.toThrow("Set both HTTPS_CERT and HTTPS_KEY, or neither.");
    await expect(tlsMaterialLoad({ dataDir, hosts: ["localhost"], keyFile: file })).rejects.toThrow("Set both HTTPS_CERT and HTTPS_KEY, or neither.");
    await expect(tlsMaterialLoad({ dataDir, hosts: ["localhost"], certFile: file, keyFile: "" })).rejects.toThrow("Set both HTTPS_CERT and HTTPS_KEY, or neither.");
    expect(existsSync(join(dataDir, "tls"))).toBe(false);
  });
});
