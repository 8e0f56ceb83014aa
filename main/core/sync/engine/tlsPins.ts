import { X509Certificate, createHash } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

/** SPKI pin of a certificate: base64 SHA-256 of its DER SubjectPublicKeyInfo (the `tlsSpkiPins` format, RFC 7469). */
export function spkiPin(certDer: Buffer): string {
  const spki = new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The platform's certificate is not one of the pinned keys: stop, send nothing. */
export class TlsPinMismatchError extends Error {
  readonly code = 'SYNC_TLS_PIN_MISMATCH';
  constructor(
    readonly host: string,
    readonly pin: string,
  ) {
    super(`TLS certificate of ${host} does not match the pinned SPKI (got ${pin})`);
    this.name = 'TlsPinMismatchError';
  }
}

/**
 * `checkServerIdentity` for node:tls / node:https: Node's usual host name check, then — when the
 * registration carried pins — the SHA-256 of the peer (leaf) certificate's SPKI must be one of
 * them. Chain validation against the trusted CAs happens before this, as always. Runs during the
 * handshake, so a mismatch sends no request byte.
 */
export function pinnedServerIdentity(pins: readonly string[]) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const normal = checkServerIdentity(host, cert);
    if (normal) return normal;
    if (pins.length === 0) return undefined;
    const pin = spkiPin(cert.raw);
    return pins.includes(pin) ? undefined : new TlsPinMismatchError(host, pin);
  };
}

/** Plain http is for this machine only (tests, demos): 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
