/** The tests read printed QR symbols with the same reader the certificate check uses. */
export { decodeQrMatrix, sampleQr, type GreyImage } from '../certificate/qrRead';
