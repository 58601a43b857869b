/**
 * Byte arrays as Apps Script hands them to scripts: arrays of Java bytes, i.e. signed
 * integers from -128 to 127. Converts strings (by charset) and such arrays to Node Buffers
 * and back.
 */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** Node's encoding for an Apps Script charset (Utilities.Charset value or its name). */
export function nodeEncoding(charset: string | undefined): BufferEncoding {
  return charset === 'US_ASCII' ? 'latin1' : 'utf8';
}

/** A string (encoded with the charset) or a byte array, as a Buffer. */
export function toBuffer(value: unknown, charset?: string): Buffer {
  if (isByteArray(value)) return Buffer.from(value.map((b) => b & 0xff));
  const text = String(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: US-ASCII is 0x00-0x7f, control characters included
  if (charset === 'US_ASCII') return Buffer.from(text.replace(/[^\x00-\x7f]/g, '?'), 'latin1');
  return Buffer.from(text, 'utf8');
}
