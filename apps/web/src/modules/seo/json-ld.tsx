import type { Thing, WithContext } from 'schema-dts';

/**
 * JSON as the text of a <script> element. The HTML parser ends the element at the first
 * `</script` whatever JSON thinks of it, and `<!--` changes how it looks for that end, so
 * every `<` is written as its JSON escape; U+2028 and U+2029 are escaped too, because
 * some JavaScript parsers (pre-ES2019) end a string literal at them.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Structured data for search engines. A script element is not hoisted into <head>, and
 * need not be: crawlers read JSON-LD anywhere in the document.
 */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
