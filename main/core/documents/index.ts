/** Official documents as PDFs: see README.md for the layout model and how to add a document type. */
export {
  renderDocument,
  buildDocument,
  parseDocumentData,
  checkDocumentGlyphs,
  certificatePayloadFromPdf,
  CERTIFICATE_METADATA_KEY,
} from './render';
export type { RenderContext, RenderedDocument } from './render';
export { loadDocumentFonts, FONT_FILES } from './fonts';
export type { DocumentFonts } from './fonts';
export { findMissingGlyphs } from './glyphCheck';
export type { MissingGlyphReport } from './glyphCheck';
export { signCertificatePayload, verifyCertificatePayload, PAYLOAD_PREFIX } from './certificate/payload';
export type { IssuerKeys, VerifyOptions } from './certificate/payload';
export { qrSymbol } from './certificate/qr';
export { breakLines } from './layout/lineBreak';
export { ensurePrivateDir, writePrivateFile } from './privateFile';
export { findFontsDir } from './service/fontsDir';
export { dehydrate } from './service/hydrate';
/** Sample data and a throwaway signing key: `jiuzhu-admin documents sample` renders every kind from them. */
export { SAMPLES, testKeys } from './testing/fixtures';
