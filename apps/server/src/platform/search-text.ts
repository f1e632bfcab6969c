/**
 * Text as search columns hold it: without diacritics, "đ" as "d", lower case, single spaces. Officials type "le van"
 * or "dong kinh" on any keyboard and find "Lê Văn Nam" or "Phường Đông Kinh".
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, normalised as search columns are. */
export function searchWords(query: string): string[] {
  return searchText(query)
    .split(' ')
    .filter((w) => w.length > 0);
}
