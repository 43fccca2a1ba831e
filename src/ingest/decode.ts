/**
 * Bytes → text: the checks every reader shares (binary, encoding, emptiness) and the one text
 * normalisation that all later stages rely on, because evidence offsets point into the result.
 */
import { CyberclaimsError } from '../errors.js';

const SNIFF_BYTES = 8192;
/** Above this share of control bytes the content is not prose; real text has almost none. */
const CONTROL_RATIO_LIMIT = 0.1;

/** Why a byte sample is not text, or null when it looks like text. */
export function binaryReason(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary content (NUL bytes)';
    // Tab, LF, FF, CR and ESC turn up in real text files; other C0 bytes and DEL do not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  if (n > 0 && control / n > CONTROL_RATIO_LIMIT) return 'binary content (control characters)';
  return null;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 (RFC 3629: no overlongs, no surrogates). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly. `offsetBase` shifts the reported byte offset when `bytes` is a slice of a
 * larger file (a JSON Lines record), so the message points at the byte in the file.
 */
export function decodeUtf8(source: string, bytes: Uint8Array, offsetBase = 0): string {
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    throw new CyberclaimsError('FILE_ENCODING', `${source}: ${utf16} text, expected UTF-8`);
  }
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    // TextDecoder says only that the input is bad; find where, so the user can look.
    const at = invalidUtf8Offset(bytes);
    throw new CyberclaimsError(
      'FILE_ENCODING',
      `${source}: invalid UTF-8 at byte ${Math.max(at, 0) + offsetBase}`,
    );
  }
}

function utf16Bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

/** Rejects bytes that are not UTF-8 text, then decodes and normalises them. */
export function bytesToText(source: string, bytes: Uint8Array, offsetBase = 0): string {
  if (utf16Bom(bytes) === null) {
    const why = binaryReason(bytes);
    if (why)
      throw new CyberclaimsError('FILE_BINARY', `${source}: ${why}, expected text, HTML, Markdown or JSON`);
  }
  return normaliseText(decodeUtf8(source, bytes, offsetBase));
}

/**
 * The canonical form of document text: no BOM, LF line ends, no NUL or other control characters
 * (they come from pasted or mis-exported text and would only confuse the tokenizer), no trailing
 * spaces on a line.
 */
export function normaliseText(s: string): string {
  return (
    s
      .replace(/^\uFEFF/, '')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point here
      .replace(/\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g, '\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point here
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
      .replace(/[ \t\u00a0]+$/gm, '')
  );
}

/** Throws FILE_EMPTY when there is nothing but whitespace; a blank document is never worth extracting. */
export function assertNotBlank(source: string, text: string, what = 'file is empty'): void {
  if (text.trim() === '') throw new CyberclaimsError('FILE_EMPTY', `${source}: ${what}`);
}
