import { rewriteReferences } from './rewrite-references.js';

describe('rewriteReferences', () => {
  const moves = new Map([['policy:social-media-policy@2.0#scope', 'policy:social-media-policy@3.0#scope']]);

  it('rewrites every occurrence, bare or as a link target, and keeps the rest as written', () => {
    const body = 'See policy:social-media-policy@2.0#scope. Also [scope](policy:social-media-policy@2.0#scope) and policy:social-media-policy@2.0#purpose.';
    expect(rewriteReferences(body, moves)).toBe(
      'See policy:social-media-policy@3.0#scope. Also [scope](policy:social-media-policy@3.0#scope) and policy:social-media-policy@2.0#purpose.',
    );
  });

  it('leaves examples in code alone', () => {
    const body = 'Write `policy:social-media-policy@2.0#scope` like this:\n\n```\npolicy:social-media-policy@2.0#scope\n```\n';
    expect(rewriteReferences(body, moves)).toBe(body);
  });

  it('rewrites thousands of references in a body at the size limit, each in place', () => {
    const unit = 'policy:social-media-policy@2.0#scope policy:social-media-policy@2.0#purpose ';
    const body = unit.repeat(Math.floor(30_000 / unit.length));
    const rewritten = rewriteReferences(body, moves);
    expect(rewritten).toBe(body.replaceAll('policy:social-media-policy@2.0#scope', 'policy:social-media-policy@3.0#scope'));
  });
});
