import { z } from 'zod';

/**
 * The card as read from a second-generation ID card reader, for all four chip layouts.
 * Keys appear only where they apply to the card type; the photo's bytes travel separately.
 */
export const cardTypeSchema = z.enum(['resident', 'hkmotw', 'foreigner2017', 'foreigner2023']);
export type CardType = z.infer<typeof cardTypeSchema>;

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Validity end: a date, or the word 长期 (no expiry) exactly as printed. */
export const validUntilSchema = z.union([isoDateSchema, z.literal('长期')]);

export const cardPhotoSchema = z
  .object({
    format: z.enum(['wlt', 'bmp']),
    size: z.number().int().nonnegative(),
  })
  .strict();

export const idCardSchema = z
  .object({
    cardType: cardTypeSchema,
    name: z.string().min(1),
    englishName: z.string().min(1).optional(),
    sex: z.enum(['男', '女']),
    nation: z.string().min(1).optional(),
    nationCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    birthDate: isoDateSchema,
    address: z.string().min(1).optional(),
    idNumber: z.string().min(1),
    authority: z.string().min(1).optional(),
    validFrom: isoDateSchema,
    validUntil: validUntilSchema,
    passNumber: z.string().min(1).optional(),
    issueCount: z.string().min(1).optional(),
    nationality: z.string().min(1).optional(),
    appendedAddress: z.string().min(1).optional(),
    photo: cardPhotoSchema.optional(),
    samId: z.string().min(1).optional(),
  })
  .strict();

export type IdCard = z.infer<typeof idCardSchema>;
export type CardPhoto = z.infer<typeof cardPhotoSchema>;

/** The WLT photo as stored on the chip is always this long. */
export const WLT_PHOTO_BYTES = 1024;
/** A decoded photo: 102 × 126 pixels, 24-bit, rows padded to 308 bytes, plus the 54-byte header. */
export const PHOTO_WIDTH = 102;
export const PHOTO_HEIGHT = 126;
export const BMP_PHOTO_BYTES = 54 + PHOTO_HEIGHT * 308;
