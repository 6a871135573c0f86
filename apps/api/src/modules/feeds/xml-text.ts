/**
 * Characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab and line
 * breaks, lone surrogates, U+FFFE/U+FFFF). Post bodies may hold them (only NUL is refused
 * on save), and the XML builder writes them as given, so they are dropped before it sees them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Member text made safe to place in an XML text node or attribute (the builder escapes the rest). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A W3C datetime / RFC 3339 instant to the second, as sitemaps and Atom both accept. */
export function w3cDatetime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
