/** A file that claims a type but is not a well-formed file of it. */
export class MalformedImageError extends Error {
  constructor(readonly where: string) {
    super(`malformed: ${where}`);
    this.name = 'MalformedImageError';
  }
}
