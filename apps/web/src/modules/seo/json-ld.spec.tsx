import { render } from '@testing-library/react';
import { JsonLd, jsonForScript } from './json-ld';

describe('JsonLd', () => {
  it('keeps a question title that contains </script> inside the script element', () => {
    const data = { '@context': 'https://schema.org', '@type': 'Question', name: 'Why does </script><script>alert(1)</script> appear?' } as const;
    const { container } = render(<JsonLd data={data} />);
    const scripts = container.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].getAttribute('type')).toBe('application/ld+json');
    expect(scripts[0].textContent).not.toContain('</script');
    expect(JSON.parse(scripts[0].textContent ?? '')).toEqual(data);
  });

  it('escapes <, U+2028 and U+2029 and still parses back to the same value', () => {
    const value = { text: 'a <!-- b \u2028 c \u2029 d' };
    const json = jsonForScript(value);
    expect(json).toBe('{"text":"a \\u003c!-- b \\u2028 c \\u2029 d"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
