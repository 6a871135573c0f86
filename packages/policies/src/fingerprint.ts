/**
 * Whitespace (line wrapping, indentation, blank lines) and Unicode composition are not
 * wording, so they do not count as a change.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits. Plain JS so the browser computes the same value.
 * The bytes are hashed as they are encoded, without an array of them: a version's whole
 * text goes through here on every diff, and an array of 200,000 numbers costs more than
 * the hashing.
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  const add = (byte: number): void => {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) add(code);
    else if (code < 0x800) {
      add(0xc0 | (code >> 6));
      add(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      add(0xe0 | (code >> 12));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    } else {
      add(0xf0 | (code >> 18));
      add(0x80 | ((code >> 12) & 0x3f));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * Stable across whitespace-only edits; changes when the title or the wording changes.
 * The api stores it per section, so the algorithm must not change without a migration.
 */
export function sectionFingerprint(section: { title: string; body: string }): string {
  return fnv1a64(`${normaliseText(section.title)}\u0000${normaliseText(section.body)}`);
}
