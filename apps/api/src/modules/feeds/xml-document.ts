import { XMLBuilder } from 'fast-xml-parser';

/** An element as fast-xml-parser's builder takes it: `@_name` attributes, `#text`, child elements (arrays repeat). */
export type XmlNode = { [name: string]: string | XmlNode | XmlNode[] | string[] };

/**
 * fast-xml-parser's builder escapes every &, <, > and " in text and attributes, an "&lt;"
 * typed by a member included (xmlbuilder2 leaves an & that starts an entity alone, which
 * turns escaped HTML back into markup).
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true, processEntities: true });

/** A whole XML 1.0 document with `root` as its element. */
export function xmlDocument(root: string, content: XmlNode): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [root]: content }) as string;
}
