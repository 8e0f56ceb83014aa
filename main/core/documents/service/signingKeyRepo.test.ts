import { afterEach, describe, expect, it } from 'vitest';
import { loggedInStation } from '../../kernel/store/testing/fixtures';
import { SigningKeyRepo } from './signingKeyRepo';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

function open() {
  const s = loggedInStation();
  cleanup = s.cleanup;
  const t = s.t;
  return { repo: new SigningKeyRepo(t.station.db), db: t.station.db };
}

describe('SigningKeyRepo over the encrypted store', () => {
  it("keeps the station's keys with their private half and finds any issuer's public key", () => {
    const { repo, db } = open();
    repo.insertLocalCertificateKey({
      issuerId: 'B2',
      publicDer: Buffer.from('pub-b'),
      privateDer: Buffer.from('priv-b'),
      at: '2026-12-07T02:00:00.000Z',
    });
    repo.insertLocalCertificateKey({
      issuerId: 'A1',
      publicDer: Buffer.from('pub-a'),
      privateDer: Buffer.from('priv-a'),
      at: '2026-12-07T01:00:00.000Z',
    });
    db.prepare(
      "INSERT INTO signing_key (issuer_id, purpose, public_key, private_key, source, created_at) VALUES ('P9', 'certificate', ?, NULL, 'platform', ?)",
    ).run(Buffer.from('pub-p'), '2026-12-07T00:00:00.000Z');
    expect(repo.localCertificateKeys().map((k) => [k.issuer_id, k.public_key.toString(), k.private_key.toString()])).toEqual([
      ['A1', 'pub-a', 'priv-a'],
      ['B2', 'pub-b', 'priv-b'],
    ]);
    expect(repo.publicKeyOf('P9')?.toString()).toBe('pub-p');
    expect(repo.publicKeyOf('ZZ')).toBeUndefined();
  });

  it('reads the pinned suite (none before enrolment) and the region code', () => {
    const { repo } = open();
    expect(repo.pinnedSuite()).toBeUndefined();
    expect(repo.regionCode()).toBe('500101');
  });
});
