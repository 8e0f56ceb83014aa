/** Checks on an imported scan before any pixel is touched: type, size, and that it decodes. */
export const IMPORT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const IMPORT_MAX_MB = 20;

export type ImportError = { code: 'CAPTURE_FILE_TYPE' } | { code: 'CAPTURE_FILE_TOO_LARGE'; mb: number } | { code: 'CAPTURE_FILE_CORRUPT' };

export async function importImage(file: File): Promise<{ ok: true; image: ImageData } | { ok: false; error: ImportError }> {
  if (!(IMPORT_TYPES as readonly string[]).includes(file.type)) return { ok: false, error: { code: 'CAPTURE_FILE_TYPE' } };
  if (file.size > IMPORT_MAX_MB * 1024 * 1024)
    return { ok: false, error: { code: 'CAPTURE_FILE_TOO_LARGE', mb: Math.round(file.size / 1024 / 1024) } };
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { ok: true, image: ctx.getImageData(0, 0, canvas.width, canvas.height) };
  } catch {
    return { ok: false, error: { code: 'CAPTURE_FILE_CORRUPT' } };
  }
}
