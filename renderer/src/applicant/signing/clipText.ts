import { authorizationStatement } from '../../../../common/capture/signatureBinding';
import { statementForScreen } from './statementText';

/**
 * What the shipped clip (resources/audio/authorization-zh.ogg) says: the statement's title and its
 * consent paragraphs, the parts that are the same for every signer (a recording cannot say the
 * signer's name). scripts/makeAuthorizationClip.ts records it; resources/audio/authorization-zh.json
 * keeps the SHA-256 of the text recorded, and a unit test fails when the wording changed without a new clip.
 */
export function clipText(): string {
  const shown = statementForScreen(authorizationStatement({ name: '-', idNumber: '-', role: 'member' }), (r) => r);
  return [shown.title, ...shown.paragraphs].join('\n');
}
