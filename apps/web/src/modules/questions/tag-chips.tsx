import { Link } from 'react-router';

export function TagChips({ tags }: { tags: ReadonlyArray<{ id: string; slug: string }> }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id}>
          <Link to={`/t/${tag.slug}`} className="tag" data-testid="tag">
            {tag.slug}
          </Link>
        </li>
      ))}
    </ul>
  );
}
