import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { HighlightedMarkdown } from './diff-markdown';
import { bodyRowsOf, type DiffRow } from './diff-view';

/** The one paragraph row two versions of a paragraph make. */
function changedRow(fromBody: string, toBody: string): Extract<DiffRow, { kind: 'changed' }> {
  const rows = bodyRowsOf({ anchor: 'a', title: 'A', change: 'CHANGED', moved: false, fromBody, toBody });
  const row = rows[0];
  if (rows.length !== 1 || row?.kind !== 'changed') throw new Error(`expected one changed paragraph, got ${JSON.stringify(rows)}`);
  return row;
}

function renderSides(fromBody: string, toBody: string) {
  const row = changedRow(fromBody, toBody);
  const from = render(
    <MemoryRouter>
      <HighlightedMarkdown pieces={row.from} change="del" />
    </MemoryRouter>,
  ).container;
  const to = render(
    <MemoryRouter>
      <HighlightedMarkdown pieces={row.to} change="ins" />
    </MemoryRouter>,
  ).container;
  const marks = (container: HTMLElement, tag: string) => Array.from(container.querySelectorAll(tag)).map((element) => element.textContent);
  return { from, to, removed: marks(from, 'del'), added: marks(to, 'ins') };
}

describe('HighlightedMarkdown', () => {
  it('keeps spacing and punctuation as written: no glued words, no space before a full stop', () => {
    const { from, to, removed, added } = renderSides(
      'Declare your business and pecuniary interests\nto your manager. Lock your laptop.',
      'Declare your business and pecuniary interests\nto your line manager. Lock your council laptop.',
    );
    expect(from.textContent).toBe('Declare your business and pecuniary interests\nto your manager. Lock your laptop.');
    expect(to.textContent).toBe('Declare your business and pecuniary interests\nto your line manager. Lock your council laptop.');
    expect(removed).toEqual([]);
    expect(added).toEqual(['line ', 'council ']);
  });

  it('shows a link as its link text, linking a citation to the cited section', () => {
    const link = '[Employee Code of Business Conduct](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests)';
    const { to, added } = renderSides(`Staff follow the ${link} at work.`, `Staff follow the ${link} at work and online.`);
    expect(to.textContent).toBe('Staff follow the Employee Code of Business Conduct at work and online.');
    const anchor = to.querySelector('a');
    expect(anchor?.textContent).toBe('Employee Code of Business Conduct');
    expect(anchor?.getAttribute('href')).toBe('/policies/code-of-business-conduct/1.0#business-and-pecuniary-interests');
    expect(added).toEqual([' and online']);
  });

  it('highlights a whole link whose target changed, since its text alone would not show it', () => {
    const { from, to } = renderSides(
      'Read the [code of conduct](policy:code-of-business-conduct@1.0#introduction) first.',
      'Read the [code of conduct](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests) first.',
    );
    expect(to.querySelector('ins > a')?.textContent).toBe('code of conduct');
    expect(from.querySelector('del > a')?.getAttribute('href')).toBe('/policies/code-of-business-conduct/1.0#introduction');
  });

  it('renders emphasis as emphasis, and highlights words inside it', () => {
    const { to, added } = renderSides('You **must** declare *each* role.', 'You **must always** declare *each outside* role.');
    expect(to.querySelector('strong')?.textContent).toBe('must always');
    expect(to.querySelector('em')?.textContent).toBe('each outside');
    expect(to.querySelector('strong ins')?.textContent).toBe(' always');
    expect(added).toEqual([' always', ' outside']);
    expect(to.textContent).not.toContain('*');
  });

  it('shows character references and escapes as the characters they stand for', () => {
    const { to } = renderSides('Questions &amp; answers, \\*not\\* emphasis.', 'Questions &amp; answers, \\*not\\* emphasis, please.');
    expect(to.textContent).toBe('Questions & answers, *not* emphasis, please.');
  });

  it('keeps a list item a numbered list item', () => {
    const { to } = renderSides('6. Official accounts are recorded.', '6. Official accounts are recorded in the register.');
    expect(to.querySelector('ol')?.getAttribute('start')).toBe('6');
    expect(to.querySelector('ol > li')?.textContent).toBe('Official accounts are recorded in the register.');
  });

  it('never makes a script link or markup out of policy text: raw HTML stays text, an unsafe link is no link', () => {
    const { to } = renderSides(
      'See [the form](javascript:alert(1)) and <img src=x onerror=alert(1)> here.',
      'See [the new form](javascript:alert(1)) and <img src=x onerror=alert(1)> here <script>alert(2)</script>.',
    );
    expect(to.querySelectorAll('a, img, script')).toHaveLength(0);
    expect(to.textContent).toBe('See the new form and <img src=x onerror=alert(1)> here <script>alert(2)</script>.');
  });

  it('shows a quotation whole, marked as changed, rather than mapping words it cannot place', () => {
    const { to } = renderSides('> Quoted advice for\n> staff.', '> Quoted advice for\n> all staff.');
    expect(to.querySelector('ins.diff-block blockquote')?.textContent).toContain('Quoted advice for\nall staff.');
  });
});
