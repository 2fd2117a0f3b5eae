import ExcelJS from "exceljs";
import { roundedValue, SUPPRESSED, type Cell, type Figure } from "./statistik";

/*
 * CSV and XLSX of a figure's table: the same cells as the page, "<5" where hidden. CSV is what Danish Excel opens
 * directly: ";" between fields, decimal comma, UTF-8 with a BOM. XLSX keeps numbers as numbers.
 */

export interface ExportMeta {
  ownName: string;
  period: string;
  asOf: string;
}

const CSV_NUMBER = new Intl.NumberFormat("da-DK", { useGrouping: false, maximumFractionDigits: 2 });

function csvField(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function unitOf(f: Figure, col: number): string {
  const formats = new Set(f.rows.map((r) => r.cells[col]?.format));
  return formats.size === 1 && (formats.has("pct") || formats.has("pct2")) ? " (%)" : "";
}

function csvCell(c: Cell): string {
  if (c.suppressed) return SUPPRESSED;
  const v = roundedValue(c);
  return v === null ? "" : CSV_NUMBER.format(v);
}

export function figureCsv(f: Figure): string {
  const header = [f.rowHeader, ...f.columns.map((c, i) => `${c.label}${unitOf(f, i)}`)];
  const lines = [header, ...f.rows.map((r) => [r.label, ...r.cells.map(csvCell)])];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(";")).join("\r\n")}\r\n`;
}

const NUM_FMT = { fte: "0.0", pct: "0.0", pct2: "0.00", count: "0" } as const;

function sheetName(f: Figure, used: Set<string>): string {
  const base = f.title.replace(/[[\]:*?/\\]/g, "").slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name);
  return name;
}

/** One sheet per figure: title, period and basis, then the table with its header on row 5. */
export async function figuresXlsx(figures: readonly Figure[], meta: ExportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Ressourceforløb";
  wb.created = new Date(`${meta.asOf}T00:00:00Z`);
  const used = new Set<string>();
  for (const f of figures) {
    const ws = wb.addWorksheet(sheetName(f, used));
    ws.addRow([f.caption]).font = { bold: true };
    ws.addRow([`${meta.ownName}. Periode: ${meta.period}. Opgjort pr. ${meta.asOf}. Regel ${f.ruleId}.`]);
    ws.addRow([f.notes.join(" ")]);
    ws.addRow([]);
    const header = ws.addRow([f.rowHeader, ...f.columns.map((c, i) => `${c.label}${unitOf(f, i)}`)]);
    header.font = { bold: true };
    for (const r of f.rows) {
      const row = ws.addRow([r.label, ...r.cells.map((c) => (c.suppressed ? SUPPRESSED : roundedValue(c)))]);
      r.cells.forEach((c, i) => {
        row.getCell(i + 2).numFmt = NUM_FMT[c.format];
        row.getCell(i + 2).alignment = { horizontal: "right" };
      });
      if (r.total) row.font = { bold: true };
    }
    ws.getColumn(1).width = 42;
    for (let i = 2; i <= f.columns.length + 1; i++) ws.getColumn(i).width = 26;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
