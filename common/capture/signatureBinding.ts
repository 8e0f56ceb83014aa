/**
 * What a signature is bound to: the signer, the time (the result's `capturedAt`) and the SHA-256 of
 * the text they sign. The text of 家庭经济状况核对授权书 is rendered by the core for printing; the
 * renderer cannot reach that, so the signed statement is built here in a canonical form from the
 * same facts (title, signer, ID number, role, the consent wording) and hashed in the renderer with
 * WebCrypto. Change the wording → new version number → new hashes.
 */
export const AUTHORIZATION_STATEMENT_VERSION = 1;

export interface AuthorizationSigner {
  name: string;
  idNumber: string;
  /** 'member' or 'supporter' (赡养/抚养/扶养义务人). */
  role: string;
}

/** The canonical statement one signer signs (one line per field, no trailing spaces). */
export function authorizationStatement(s: AuthorizationSigner, caseRef = ''): string {
  return [
    `家庭经济状况核对授权书 v${AUTHORIZATION_STATEMENT_VERSION}`,
    `授权人：${s.name.trim()}`,
    `公民身份号码：${s.idNumber.trim().toUpperCase()}`,
    `身份：${s.role}`,
    ...(caseRef ? [`案件：${caseRef}`] : []),
    '为核实家庭经济状况，本人自愿授权民政部门及相关部门依法查询、核对本人的户籍、收入、财产及其他家庭经济状况信息。',
    '本人承诺所提供的信息真实、完整。核对所得信息仅用于社会救助的审核确认及动态管理，有关部门应当依法予以保密。',
  ].join('\n');
}

/** Lower-case hex SHA-256 of a UTF-8 string or bytes (WebCrypto: the renderer and Node ≥ 19 alike). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
