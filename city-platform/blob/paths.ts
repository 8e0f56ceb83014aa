import { join } from 'node:path';

export const uploadPath = (dataDir: string, uploadId: string) => join(dataDir, 'uploads', `${uploadId}.part`);
export const blobPath = (dataDir: string, sha256: string) => join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
