import { readServerData, serialiseServerData } from './server-data';

describe('server data', () => {
  it('serialises to JSON that cannot end its element or start markup, and reads back the same', () => {
    const data = { state: { ROOT_QUERY: { __typename: 'Query', title: '</script><!-- & \u2028 \u2029 <b>' } }, renderedAt: '2026-12-07T10:00:00.000Z' };
    const text = serialiseServerData(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const element = document.createElement('script');
    element.type = 'application/json';
    element.textContent = text;
    expect(readServerData(element)).toEqual(data);
  });

  it('ignores a missing or broken payload (the app then fetches as usual)', () => {
    expect(readServerData(null)).toBeNull();
    const element = document.createElement('script');
    element.textContent = '{"state":';
    expect(readServerData(element)).toBeNull();
    element.textContent = '{"renderedAt":"x"}';
    expect(readServerData(element)).toBeNull();
  });
});
