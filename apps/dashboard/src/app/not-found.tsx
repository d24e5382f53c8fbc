import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="empty">
      <h2>Page not found</h2>
      <Link href="/">Back to the overview</Link>
    </div>
  );
}
