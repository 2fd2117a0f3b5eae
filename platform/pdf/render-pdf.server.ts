import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

// IBM Plex Sans, the typeface of Det Fælles Designsystem, shipped with the dkfds package.
const FONT_DIR = path.resolve("node_modules/dkfds/dist/fonts/IBMPlexSans/complete/ttf");
const font = (file: string) => path.join(FONT_DIR, file);

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    IBMPlexSans: {
      normal: font("IBMPlexSans-Regular.ttf"),
      bold: font("IBMPlexSans-SemiBold.ttf"),
      italics: font("IBMPlexSans-Italic.ttf"),
      bolditalics: font("IBMPlexSans-SemiBoldItalic.ttf"),
    },
  });
  // Letters never fetch anything: no URLs, and only our own font files from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(FONT_DIR));
  configured = true;
}

/** Renders a pdfmake document with the house style; returns the PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [56, 64, 56, 64],
    ...doc,
    defaultStyle: { font: "IBMPlexSans", fontSize: 10.5, lineHeight: 1.25, ...(doc.defaultStyle ?? {}) },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8.5, color: "#545454" },
      ...(doc.styles ?? {}),
    },
  };
  return (await pdfmake.createPdf(definition).getBuffer()) as Buffer;
}
