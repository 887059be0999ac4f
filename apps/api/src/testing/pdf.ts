// Reads a PDF the way a person's viewer does: pdf.js (Mozilla's, the legacy build for Node) parses
// the bytes and gives each page's text, so a test sees what the reader sees and nothing of how
// the file was written.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /**
   * The text of each page, its runs joined by single spaces; a word the layout broke across lines
   * after a hyphen or a slash ("malicious-⏎code", "America/⏎Mexico_City") is joined again.
   */
  pages: string[];
  /** The document's title in its information dictionary. */
  title: string | null;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.map((item) => ('str' in item ? item.str : ''));
      pages.push(
        runs
          .join(' ')
          .replace(/\s+/g, ' ')
          .replace(/(\S[-/]) (?=\S)/g, '$1')
          .trim(),
      );
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown };
    return { pages, title: typeof info.Title === 'string' ? info.Title : null };
  } finally {
    await doc.destroy();
  }
}
