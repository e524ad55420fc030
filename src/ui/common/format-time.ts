/*
 * A stored ISO time as the user reads it: dd/mm/yyyy, hh:mm in the browser's own time zone.
 */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
