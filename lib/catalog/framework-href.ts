/** The Framework page's address for a code (D3, P1, R3, R3.1) or section (weights), for links from other pages. */
export function frameworkHref(code: string): string {
  return `/framework#${code}`;
}
