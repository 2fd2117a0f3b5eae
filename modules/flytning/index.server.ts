// Server-only public API of the flytning module: export and import of a whole case when the citizen moves (P-8).
export { exportBundle, exportPdf, toBundle } from "./export-case.server";
export { importCase, type ImportResult } from "./import-case.server";
