/**
 * Answers the requests of Microsoft's Excel client ("Actions" on
 * "ObjectPaths", answered with "Results") against an in-memory Workbook, the
 * way Excel does:
 *  - actions run in order; the first that fails stops the request, with the
 *    earlier ones applied (no rollback), and `sync` rejects with its code;
 *  - sheet names: at most 31 characters, none of []:*?/\, no apostrophe
 *    first or last, not "History", unique without case (ItemAlreadyExists);
 *    the last visible sheet cannot be deleted or hidden, nor a very hidden
 *    one deleted (InvalidOperation);
 *  - a protected sheet refuses writes to locked cells and, unless its
 *    protection allows it, format changes and merges (AccessDenied);
 *  - manual page breaks (horizontalPageBreaks / verticalPageBreaks .add) and
 *    print title columns are kept on the sheet;
 *  - pageLayout.zoom: a scale from 10 to 400, or fit-to-pages counts; as
 *    Excel for Windows does, a zoom giving horizontalFitToPages without
 *    verticalFitToPages (or the other way round) is accepted but not applied
 *    (office-js issue 1860), both together set "Fit to … pages";
 *  - while the user edits a cell (`startCellEdit` … `endCellEdit`) a request
 *    fails with InvalidOperationInCellEditMode, nothing applied, unless it
 *    asks to wait (Excel.run's delayForCellEdit, request flag 64): it then
 *    runs when the edit ends;
 *  - a cell's fill: setting its colour makes it solid if it had no pattern
 *    and takes its shade (tintAndShade) off; pattern "None" or clear() is no
 *    fill; no fill reads as colour "#FFFFFF", pattern "None";
 *  - getMergedAreasOrNullObject fails on a range with more than 512 merged
 *    areas;
 *  - a text of more than 32,767 characters written to a cell is refused
 *    (InvalidArgument): no cell holds more (Excel specifications and limits);
 *  - a request over 5 MB serialized is refused (RequestPayloadSizeLimitExceeded),
 *    and so is a response (ResponsePayloadSizeLimitExceeded, the actions
 *    applied), as Excel on the web does; every request's and response's size
 *    is recorded.
 * Only the request kinds src/hosts/excel uses are implemented: anything else
 * is refused with the code "HarnessUnsupported" and recorded in `unsupported`.
 */
import { MAX_COLUMNS, MAX_ROWS, parseRange } from "../../../../src/domain/model/grid";
import type { HttpRequest, HttpResponse } from "./load";
import { intersects, quoteSheet, rectAddress, type Cell, type Rect, type Scalar, type Sheet, type Visibility, type Workbook } from "./workbook";

/** Excel on the web's request limit. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** The most characters a cell holds (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;
/** getMergedAreasOrNullObject fails on a range with more merged areas than this. */
export const MERGED_AREAS_LIMIT = 512;

interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  /** Arguments; an argument that is an object is its object path's id, listed in ReferencedObjectPathIds. */
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: number[] };
}

interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[] };
  readonly QueryInfo?: { readonly Select?: string[]; readonly Expand?: string[] };
}

interface RequestBody {
  readonly Actions: Action[];
  readonly ObjectPaths: Record<string, ObjectPathInfo>;
}

type Handle =
  | { readonly k: "workbook" }
  | { readonly k: "sheets" }
  | { readonly k: "sheet"; readonly sheet: Sheet }
  | { readonly k: "range"; readonly sheet: Sheet; readonly rect: Rect }
  | { readonly k: "areas"; readonly sheet: Sheet; readonly rects: Rect[] }
  /** A sub-object of a sheet or range: "Format/Font", "Format/Borders/EdgeTop", "PageLayout", "ConditionalFormat/Custom/Rule"… */
  | { readonly k: "part"; readonly base: { sheet: Sheet; rect?: Rect }; readonly path: string }
  | { readonly k: "settings" }
  | { readonly k: "setting"; readonly key: string }
  | { readonly k: "null" };

export class ExcelFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (code: string, message: string): never => {
  throw new ExcelFailure(code, message);
};

/** What an action is, for fault injection: "Add(Chỉ tiêu)", "Name=Chỉ tiêu (cũ …)", "Values" … */
export interface ActionInfo {
  readonly kind: "instantiate" | "query" | "method" | "set";
  readonly name: string;
  readonly args: readonly unknown[];
  readonly target: string;
}

export interface ResponderOptions {
  /** Called before each action; a code returned fails that action. */
  readonly fault?: (action: ActionInfo) => string | undefined;
}

/** Sub-object paths (below a range or sheet) the harness accepts, with their settable properties. */
const PARTS: Readonly<Record<string, readonly string[]>> = {
  "range:Format": ["HorizontalAlignment", "VerticalAlignment", "WrapText", "ColumnWidth", "RowHeight"],
  "range:Format/Font": ["Name", "Size", "Bold", "Italic", "Underline", "Color"],
  "range:Format/Fill": ["Color", "Pattern", "PatternColor", "PatternTintAndShade", "TintAndShade"],
  "range:Format/Borders": [],
  "range:Format/Borders/Item": ["Style", "Weight", "Color"],
  "range:Format/Protection": ["Locked"],
  "range:DataValidation": ["IgnoreBlanks", "Rule", "Prompt", "ErrorAlert"],
  "range:ConditionalFormats": [],
  "range:ConditionalFormat": [],
  "range:ConditionalFormat/Custom": [],
  "range:ConditionalFormat/Custom/Rule": ["Formula"],
  "range:ConditionalFormat/Custom/Format": [],
  "range:ConditionalFormat/Custom/Format/Fill": ["Color"],
  "sheet:Protection": [],
  "sheet:HorizontalPageBreaks": [],
  "sheet:VerticalPageBreaks": [],
  "sheet:PageBreak": [],
  "sheet:PageLayout": [
    "PaperSize",
    "Orientation",
    "Zoom",
    "LeftMargin",
    "RightMargin",
    "TopMargin",
    "BottomMargin",
    "HeaderMargin",
    "FooterMargin",
    "CenterHorizontally",
  ],
  "sheet:PageLayout/HeadersFooters": [],
  "sheet:PageLayout/HeadersFooters/DefaultForAllPages": ["CenterFooter"],
};

/** Excel.FillPattern. */
const FILL_PATTERNS: readonly string[] = [
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
  "LinearGradient",
  "RectangularGradient",
];

const VALID_VISIBILITY: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

/**
 * A worksheet name is not blank, has at most 31 characters, none of / \ ? * : [ ], does not begin or end with an
 * apostrophe, and is not "History", a word Excel reserves ("Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9); it is unique without case.
 */
function checkSheetName(book: Workbook, name: unknown, except?: Sheet): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLocaleUpperCase() === "HISTORY"
  ) {
    fail("InvalidArgument", `The sheet name ${JSON.stringify(name)} is not valid.`);
  }
  const same = book.find(name as string);
  if (same && same !== except && same.name.toLocaleUpperCase() === (name as string).toLocaleUpperCase()) {
    fail("ItemAlreadyExists", `A sheet named ${JSON.stringify(name)} already exists.`);
  }
  return name as string;
}

function rectOf(address: unknown): Rect {
  const range = typeof address === "string" ? parseRange(address) : undefined;
  if (!range) return fail("InvalidArgument", `The address ${JSON.stringify(address)} is not valid.`);
  return { r1: range.s.r, c1: range.s.c, r2: range.e.r, c2: range.e.c };
}

const WHOLE: Rect = { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 };
const cellsIn = (rect: Rect): number => (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);

function address(sheet: Sheet, rect: Rect): string {
  return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
}

/** The bounding box of the used cells of `within` (any cell with content; with formats too unless valuesOnly). */
function usedRect(sheet: Sheet, within: Rect, valuesOnly: boolean): Rect | undefined {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  for (const [key, cell] of sheet.cells) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    if (r < within.r1 || r > within.r2 || c < within.c1 || c > within.c2) continue;
    if (valuesOnly && cell.value === "" && cell.formula === undefined) continue;
    r1 = Math.min(r1, r);
    c1 = Math.min(c1, c);
    r2 = Math.max(r2, r);
    c2 = Math.max(c2, c);
  }
  return r2 < 0 ? undefined : { r1, c1, r2, c2 };
}

function matrixOf<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
  if (cellsIn(rect) > 5_000_000) fail("ResponsePayloadSizeLimitExceeded", "The response is too large.");
  const out: T[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

export class Responder {
  /** Serialized size in bytes of every request, in order. */
  readonly requestBytes: number[] = [];
  /** Serialized size in bytes of every response, in order (Excel on the web refuses responses over 5 MB too). */
  readonly responseBytes: number[] = [];
  /** Requests the harness does not implement (a test expecting none fails). */
  readonly unsupported: string[] = [];
  /** Every action run, in order ("Add(Chỉ tiêu)" …), for tests. */
  readonly log: string[] = [];

  constructor(
    readonly book: Workbook,
    private readonly options: ResponderOptions = {},
  ) {}

  /** Requests that waited for a cell edit to end, and requests refused because of one. */
  readonly cellEdit = { delayed: 0, refused: 0 };
  private editEnded: Promise<void> | null = null;
  private endEdit: (() => void) | undefined;

  /** The user starts editing a cell. */
  startCellEdit(): void {
    this.editEnded ??= new Promise((resolve) => (this.endEdit = resolve));
  }

  /** The user leaves the cell (Enter or Esc): the requests waiting run. */
  endCellEdit(): void {
    this.endEdit?.();
    this.editEnded = null;
    this.endEdit = undefined;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requestBytes);
  }

  async answer(request: HttpRequest): Promise<HttpResponse> {
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    const bytes = Buffer.byteLength(text, "utf8");
    this.requestBytes.push(bytes);
    const body = (typeof request.body === "string" ? JSON.parse(request.body) : request.body) as RequestBody;
    const respond = (payload: unknown): HttpResponse => {
      let text = JSON.stringify(payload);
      const size = Buffer.byteLength(text, "utf8");
      this.responseBytes.push(size);
      if (size > REQUEST_LIMIT) {
        // The actions ran (no rollback) but Excel on the web cannot send their results back.
        text = JSON.stringify({
          Results: [],
          Error: { Code: "ResponsePayloadSizeLimitExceeded", Message: `The response is ${size} bytes.`, HttpStatusCode: 413 },
        });
      }
      return { statusCode: 200, headers: {}, body: text };
    };
    if (bytes > REQUEST_LIMIT) {
      return respond({
        Results: [],
        Error: { Code: "RequestPayloadSizeLimitExceeded", Message: `The request is ${bytes} bytes.`, HttpStatusCode: 413 },
      });
    }
    if (this.editEnded) {
      const flags = Number(/[?&]flags=(\d+)/.exec(request.url)?.[1] ?? 0);
      if ((flags & 64) === 0) {
        this.cellEdit.refused++;
        return respond({
          Results: [],
          Error: { Code: "InvalidOperationInCellEditMode", Message: "Excel is in cell-editing mode.", HttpStatusCode: 400 },
        });
      }
      this.cellEdit.delayed++;
      while (this.editEnded) await this.editEnded;
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    const handles = new Map<number, Handle>();
    for (const [index, action] of body.Actions.entries()) {
      try {
        const value = this.act(action, body, handles);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (error) {
        const code = error instanceof ExcelFailure ? error.code : "GeneralException";
        const message = error instanceof Error ? error.message : String(error);
        return respond({ Results: results, Error: { Code: code, Message: message, ActionIndex: index, HttpStatusCode: 400, Location: "" } });
      }
    }
    return respond({ Results: results });
  }

  private unsupportedRequest(what: string): never {
    this.unsupported.push(what);
    return fail("HarnessUnsupported", `The harness does not implement ${what}.`);
  }

  private resolve(id: number, body: RequestBody, handles: Map<number, Handle>): Handle {
    const known = handles.get(id);
    if (known) return known;
    const info = body.ObjectPaths[String(id)];
    if (!info) return this.unsupportedRequest(`object path ${id} missing from the request`);
    const handle = this.path(info, body, handles);
    handles.set(id, handle);
    return handle;
  }

  private path(info: ObjectPathInfo, body: RequestBody, handles: Map<number, Handle>): Handle {
    const args = info.ArgumentInfo?.Arguments ?? [];
    if (info.ObjectPathType === 1) return { k: "workbook" };
    if (info.ObjectPathType === 7) return fail("InvalidObjectPath", "A null object was used.");
    const parent = this.resolve(info.ParentObjectPathId!, body, handles);
    if (parent.k === "null") return fail("InvalidObjectPath", "A null object was used.");
    const type = info.ObjectPathType;
    const label = `${parent.k}.${info.Name}(type ${type})`;
    this.check({ kind: "instantiate", name: info.Name, args, target: this.describe(parent) });
    if (type === 4) {
      if (parent.k === "workbook" && info.Name === "Worksheets") return { k: "sheets" };
      if (parent.k === "workbook" && info.Name === "Settings") return { k: "settings" };
      if (parent.k === "sheet" && ["Protection", "PageLayout", "HorizontalPageBreaks", "VerticalPageBreaks"].includes(info.Name)) {
        return { k: "part", base: { sheet: parent.sheet }, path: info.Name };
      }
      if (parent.k === "range" && ["Format", "DataValidation", "ConditionalFormats"].includes(info.Name)) {
        return { k: "part", base: { sheet: parent.sheet, rect: parent.rect }, path: info.Name };
      }
      if (parent.k === "part") {
        const path = `${parent.path}/${info.Name}`;
        if (PARTS[`${parent.base.rect ? "range" : "sheet"}:${path}`]) return { ...parent, path };
      }
      return this.unsupportedRequest(label);
    }
    if (type === 5) {
      if (parent.k === "sheets") {
        const sheet = this.book.find(String(args[0]));
        return sheet ? { k: "sheet", sheet } : fail("ItemNotFound", `No sheet ${JSON.stringify(args[0])}.`);
      }
      if (parent.k === "settings") {
        const key = String(args[0]);
        return this.book.settings.has(key) ? { k: "setting", key } : fail("ItemNotFound", `No setting ${key}.`);
      }
      if (parent.k === "part" && parent.path === "Format/Borders") return { ...parent, path: "Format/Borders/Item" };
      return this.unsupportedRequest(label);
    }
    if (type === 3) {
      switch (`${parent.k}.${info.Name}`) {
        case "sheets.Add": {
          const name = checkSheetName(this.book, args[0]);
          this.log.push(`Add(${name})`);
          return { k: "sheet", sheet: this.book.addSheet(name) };
        }
        case "sheets.GetItemOrNullObject": {
          const sheet = this.book.find(String(args[0]));
          return sheet ? { k: "sheet", sheet } : { k: "null" };
        }
        case "sheet.GetRange":
          return { k: "range", sheet: (parent as { sheet: Sheet }).sheet, rect: args[0] === undefined ? WHOLE : rectOf(args[0]) };
        // The client cuts a large array written to a range into row blocks of about 1,500 cells.
        case "range.GetRow": {
          const { sheet, rect } = parent as { sheet: Sheet; rect: Rect };
          const r = rect.r1 + Number(args[0]);
          if (!(r <= rect.r2)) fail("InvalidArgument", `Row ${String(args[0])} is outside ${rectAddress(rect)}.`);
          return { k: "range", sheet, rect: { ...rect, r1: r, r2: r } };
        }
        case "range.GetBoundingRect": {
          const { sheet, rect } = parent as { sheet: Sheet; rect: Rect };
          const otherId = info.ArgumentInfo?.ReferencedObjectPathIds?.[0];
          const other = otherId ? this.resolve(otherId, body, handles) : undefined;
          if (other?.k !== "range" || other.sheet !== sheet) return fail("InvalidArgument", "GetBoundingRect needs a range of the same sheet.");
          const o = other.rect;
          return {
            k: "range",
            sheet,
            rect: { r1: Math.min(rect.r1, o.r1), c1: Math.min(rect.c1, o.c1), r2: Math.max(rect.r2, o.r2), c2: Math.max(rect.c2, o.c2) },
          };
        }
        case "sheet.GetUsedRangeOrNullObject":
        case "range.GetUsedRangeOrNullObject": {
          const { sheet } = parent as { sheet: Sheet };
          const used = usedRect(sheet, parent.k === "range" ? parent.rect : WHOLE, args[0] === true);
          return used ? { k: "range", sheet, rect: used } : { k: "null" };
        }
        case "range.GetMergedAreasOrNullObject": {
          const { sheet, rect } = parent as { sheet: Sheet; rect: Rect };
          const rects = sheet.merges.filter((m) => intersects(m, rect));
          if (rects.length > MERGED_AREAS_LIMIT) {
            fail("GeneralException", `The range has ${rects.length} merged areas, more than ${MERGED_AREAS_LIMIT}.`);
          }
          return rects.length > 0 ? { k: "areas", sheet, rects } : { k: "null" };
        }
        case "settings.GetItemOrNullObject":
          return this.book.settings.has(String(args[0])) ? { k: "setting", key: String(args[0]) } : { k: "null" };
        case "settings.Add":
          this.book.settings.set(String(args[0]), args[1]);
          return { k: "setting", key: String(args[0]) };
        case "part.Add":
          if (["HorizontalPageBreaks", "VerticalPageBreaks"].includes((parent as { path: string }).path)) {
            return this.pageBreak(parent as Extract<Handle, { k: "part" }>, args[0]);
          }
          if ((parent as { path: string }).path === "ConditionalFormats" && args[0] === "Custom") {
            this.format(parent as Extract<Handle, { k: "part" }>, "Add", args[0]);
            return { ...(parent as Extract<Handle, { k: "part" }>), path: "ConditionalFormat" };
          }
          return this.unsupportedRequest(label);
        default:
          return this.unsupportedRequest(label);
      }
    }
    return this.unsupportedRequest(label);
  }

  private describe(handle: Handle): string {
    switch (handle.k) {
      case "sheet":
        return handle.sheet.name;
      case "range":
      case "areas":
        return handle.k === "range" ? address(handle.sheet, handle.rect) : handle.sheet.name;
      case "part":
        return `${handle.base.rect ? address(handle.base.sheet, handle.base.rect) : handle.base.sheet.name}/${handle.path}`;
      default:
        return handle.k;
    }
  }

  private check(action: ActionInfo): void {
    const code = this.options.fault?.(action);
    if (code !== undefined) fail(code, `Injected failure of ${action.kind} ${action.name} on ${action.target}.`);
  }

  private act(action: Action, body: RequestBody, handles: Map<number, Handle>): unknown {
    const handle = this.resolve(action.ObjectPathId, body, handles);
    const args = action.ArgumentInfo?.Arguments ?? [];
    switch (action.ActionType) {
      case 1: // Instantiate
        if (handle.k === "null") return null;
        return handle.k === "sheet" ? { Id: handle.sheet.id } : {};
      case 2: // Query
        this.check({ kind: "query", name: "load", args: action.QueryInfo?.Select ?? [], target: this.describe(handle) });
        return this.query(handle, action.QueryInfo?.Select);
      case 3: // Method
        this.check({ kind: "method", name: action.Name, args, target: this.describe(handle) });
        return this.method(handle, action.Name, args);
      case 4: // SetProperty
        this.check({ kind: "set", name: action.Name, args, target: this.describe(handle) });
        this.set(handle, action.Name, args[0]);
        return undefined;
      default:
        return this.unsupportedRequest(`action type ${action.ActionType} (${action.Name})`);
    }
  }

  private query(handle: Handle, select: readonly string[] | undefined): unknown {
    const pick = (all: Record<string, () => unknown>): Record<string, unknown> => {
      const names = select && select.length > 0 ? select : Object.keys(all);
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const key = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
        if (!key) return this.unsupportedRequest(`load of ${name} on ${handle.k}`);
        out[key] = all[key]!();
      }
      return out;
    };
    switch (handle.k) {
      case "null":
        return null;
      case "sheets":
        return {
          _Items: this.book.sheets.map((sheet, i) => ({
            Id: sheet.id,
            ...pick({ Name: () => sheet.name, Visibility: () => sheet.visibility, Position: () => i, Id: () => sheet.id }),
          })),
        };
      case "sheet":
        return pick({ Name: () => handle.sheet.name, Visibility: () => handle.sheet.visibility, Id: () => handle.sheet.id });
      case "range": {
        const { sheet, rect } = handle;
        return pick({
          Address: () => address(sheet, rect),
          Values: () => matrixOf(rect, (r, c) => sheet.cell(r, c)?.value ?? ""),
          Formulas: () => matrixOf(rect, (r, c) => sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? ""),
          NumberFormat: () => matrixOf(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General"),
        });
      }
      case "areas":
        return pick({
          Address: () => handle.rects.map((r) => address(handle.sheet, r)).join(", "),
          AreaCount: () => handle.rects.length,
        });
      case "part":
        if (handle.path === "Format/Fill" && handle.base.rect) {
          const { sheet, rect } = handle.base as { sheet: Sheet; rect: Rect };
          // One value when every cell has it, else null (as Excel reads a range of mixed fills).
          const uniform = <T>(at: (cell: Cell | undefined) => T): T | null => {
            const seen = new Set(matrixOf(rect, (r, c) => at(sheet.cell(r, c))).flat());
            return seen.size === 1 ? [...seen][0]! : null;
          };
          const filled = (cell: Cell | undefined): cell is Cell => cell?.fill !== undefined && cell.fill !== null;
          return pick({
            Color: () => uniform((cell) => (filled(cell) ? cell.fill : "#FFFFFF")),
            Pattern: () => uniform((cell) => (filled(cell) ? cell.pattern ?? "Solid" : "None")),
            PatternColor: () => uniform((cell) => (filled(cell) ? cell.patternColor ?? "#000000" : "#000000")),
            PatternTintAndShade: () => uniform((cell) => (filled(cell) ? cell.patternTint ?? 0 : 0)),
            TintAndShade: () => uniform((cell) => (filled(cell) ? cell.tint ?? 0 : 0)),
          });
        }
        return this.unsupportedRequest(`load of ${handle.path}`);
      case "setting":
        return pick({ Key: () => handle.key, Value: () => this.book.settings.get(handle.key) });
      default:
        return this.unsupportedRequest(`load of ${handle.k}`);
    }
  }

  /** Refuses a write to a protected sheet: cells (locked ones), formats, columns, rows. */
  private guard(sheet: Sheet, what: "cells" | "format" | "columns" | "rows" | "merge", rect?: Rect): void {
    const p = sheet.protection;
    if (!p) return;
    const refused =
      what === "cells"
        ? rect !== undefined && [...this.cellsOf(sheet, rect)].some((cell) => cell?.locked !== false)
        : what === "format"
          ? p.allowFormatCells !== true
          : what === "columns"
            ? p.allowFormatColumns !== true
            : what === "rows"
              ? p.allowFormatRows !== true
              : true;
    if (refused) fail("AccessDenied", `The sheet ${sheet.name} is protected.`);
  }

  private *cellsOf(sheet: Sheet, rect: Rect): Generator<Cell | undefined> {
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) yield sheet.cell(r, c);
  }

  private each(handle: { sheet: Sheet; rect: Rect }, input: unknown, put: (r: number, c: number, v: unknown) => void): void {
    const { rect } = handle;
    if (!Array.isArray(input)) {
      if (cellsIn(rect) > 1_000_000) fail("InvalidArgument", "The range is too large to set.");
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) put(r, c, input);
      return;
    }
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      fail("InvalidArgument", `The input array does not match the size of ${rectAddress(rect)}.`);
    }
    (input as unknown[][]).forEach((row, i) => row.forEach((v, j) => put(rect.r1 + i, rect.c1 + j, v)));
  }

  private set(handle: Handle, name: string, value: unknown): void {
    if (handle.k === "sheet") {
      if (name === "Name") {
        const next = checkSheetName(this.book, value, handle.sheet);
        this.log.push(`Rename(${handle.sheet.name} → ${next})`);
        handle.sheet.name = next;
        return;
      }
      if (name === "Visibility") {
        if (!VALID_VISIBILITY.includes(value as Visibility)) fail("InvalidArgument", `Visibility ${String(value)}.`);
        const visible = this.book.sheets.filter((s) => s.visibility === "Visible");
        if (value !== "Visible" && visible.length === 1 && visible[0] === handle.sheet) {
          fail("InvalidOperation", "The last visible sheet cannot be hidden.");
        }
        handle.sheet.visibility = value as Visibility;
        return;
      }
      return this.unsupportedRequest(`set ${name} on a sheet`);
    }
    if (handle.k === "range") {
      const { sheet, rect } = handle;
      const scalar = (v: unknown): Scalar | null => {
        // A cell holds at most 32,767 characters ("Excel specifications and limits",
        // https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
        if (typeof v === "string" && v.length > CELL_TEXT_LIMIT) {
          return fail("InvalidArgument", `A cell cannot hold ${v.length} characters (at most ${CELL_TEXT_LIMIT}).`);
        }
        if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
        return fail("InvalidArgument", `Cannot write ${JSON.stringify(v)}.`);
      };
      if (name === "Values" || name === "Formulas") {
        this.guard(sheet, "cells", rect);
        this.each(handle, value, (r, c, v) => sheet.type(r, c, scalar(v)));
        return;
      }
      if (name === "NumberFormat") {
        this.guard(sheet, "format");
        this.each(handle, value, (r, c, v) => {
          if (v !== null) sheet.cellFor(r, c).numberFormat = String(v);
        });
        return;
      }
      return this.unsupportedRequest(`set ${name} on a range`);
    }
    if (handle.k === "setting" && name === "Value") {
      this.book.settings.set(handle.key, value);
      return;
    }
    if (handle.k === "part") {
      const kind = handle.base.rect ? "range" : "sheet";
      if (!PARTS[`${kind}:${handle.path}`]?.includes(name)) return this.unsupportedRequest(`set ${name} on ${kind} ${handle.path}`);
      const { sheet, rect } = handle.base;
      if (rect) {
        this.guard(sheet, name === "ColumnWidth" ? "columns" : name === "RowHeight" ? "rows" : "format");
        if (handle.path === "Format/Fill") {
          this.fill(sheet, rect, name, value);
          return;
        }
        if (handle.path === "Format/Protection" && name === "Locked") {
          for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) sheet.cellFor(r, c).locked = value === true;
          return;
        }
      }
      if (!rect && handle.path === "PageLayout" && name === "Zoom") this.zoom(sheet, value);
      this.format(handle, name, value);
      return;
    }
    return this.unsupportedRequest(`set ${name} on ${handle.k}`);
  }

  /** Sets a property of the fill of every cell of `rect`, as Excel does. */
  private fill(sheet: Sheet, rect: Rect, name: string, value: unknown): void {
    const shade = (v: unknown): number => (typeof v === "number" && v >= -1 && v <= 1 ? v : fail("InvalidArgument", `${name} ${String(v)}.`));
    if (name === "Pattern" && !FILL_PATTERNS.includes(value as string)) fail("InvalidArgument", `Pattern ${String(value)}.`);
    if ((name === "Color" || name === "PatternColor") && !/^#[0-9A-F]{6}$/i.test(String(value))) fail("InvalidArgument", `${name} ${String(value)}.`);
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = sheet.cellFor(r, c);
        if (name === "Color") {
          cell.fill = String(value).toUpperCase();
          delete cell.tint;
        } else if (name === "Pattern" && value === "None") {
          cell.fill = null;
          delete cell.pattern;
          delete cell.patternColor;
          delete cell.patternTint;
          delete cell.tint;
        } else if (name === "Pattern") {
          cell.fill ??= "#FFFFFF";
          if (value === "Solid") delete cell.pattern;
          else cell.pattern = value as string;
        } else if (name === "PatternColor") cell.patternColor = String(value).toUpperCase();
        else if (name === "PatternTintAndShade") cell.patternTint = shade(value);
        else cell.tint = shade(value);
      }
    }
  }

  private zoom(sheet: Sheet, value: unknown): void {
    const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = (value ?? {}) as Record<string, unknown>;
    const count = (n: unknown): boolean => n === undefined || (Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 32767);
    if (scale !== undefined && !(typeof scale === "number" && scale >= 10 && scale <= 400)) fail("InvalidArgument", `Zoom scale ${String(scale)}.`);
    if (!count(wide) || !count(tall)) fail("InvalidArgument", "Fit-to-pages counts must be whole numbers.");
    if (scale !== undefined) {
      sheet.fitToPages = null;
      sheet.scale = scale as number;
    } else if (wide !== undefined && tall !== undefined) {
      sheet.fitToPages = { wide: wide as number, tall: tall as number };
      sheet.scale = null;
    }
  }

  /** A manual page break above the top row (horizontal) or left of the left column (vertical) of a range address. */
  private pageBreak(part: Extract<Handle, { k: "part" }>, address: unknown): Handle {
    if (typeof address !== "string") return fail("InvalidArgument", "A page break needs a range address.");
    const rect = rectOf(address);
    const { sheet } = part.base;
    const list = part.path === "HorizontalPageBreaks" ? sheet.rowBreaks : sheet.columnBreaks;
    const at = part.path === "HorizontalPageBreaks" ? rect.r1 : rect.c1;
    if (at === 0) fail("InvalidArgument", "No page break can go before the first row or column.");
    if (!list.includes(at)) list.push(at);
    return { ...part, path: "PageBreak" };
  }

  private format(handle: Extract<Handle, { k: "part" }>, name: string, value: unknown): void {
    const { sheet, rect } = handle.base;
    sheet.formats.push({ address: rect ? rectAddress(rect) : "", path: `${handle.path}.${name}`, value });
  }

  private method(handle: Handle, name: string, args: readonly unknown[]): unknown {
    switch (`${handle.k}.${name}`) {
      case "sheet.Delete": {
        const { sheet } = handle as { sheet: Sheet };
        // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an
        // InvalidOperation exception" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)).
        if (sheet.visibility === "VeryHidden") fail("InvalidOperation", "A very hidden sheet cannot be deleted.");
        const visible = this.book.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
        if (visible.length === 0) fail("InvalidOperation", "The last visible sheet cannot be deleted.");
        this.book.sheets.splice(this.book.sheets.indexOf(sheet), 1);
        if (this.book.active === sheet) this.book.active = visible[0];
        this.log.push(`Delete(${sheet.name})`);
        return null;
      }
      case "sheet.Activate": {
        const { sheet } = handle as { sheet: Sheet };
        if (sheet.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.");
        this.book.active = sheet;
        return null;
      }
      case "range._ValidateArraySize": {
        const { rect } = handle as { rect: Rect };
        if (args[0] !== rect.r2 - rect.r1 + 1 || args[1] !== rect.c2 - rect.c1 + 1) {
          fail("InvalidArgument", `The input array does not match the size of ${rectAddress(rect)}.`);
        }
        return null;
      }
      case "range.Select": {
        const { sheet } = handle as { sheet: Sheet };
        if (this.book.active !== sheet) fail("InvalidSelection", "The range is not on the active sheet.");
        return null;
      }
      case "range.Merge": {
        const { sheet, rect } = handle as { sheet: Sheet; rect: Rect };
        this.guard(sheet, "merge");
        const across = args[0] === true;
        const added: Rect[] = across
          ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i }))
          : [rect];
        for (const m of added) {
          sheet.merges = sheet.merges.filter((old) => !intersects(old, m));
          if (m.r1 === m.r2 && m.c1 === m.c2) continue;
          // Only the top-left cell keeps its content.
          for (let r = m.r1; r <= m.r2; r++) {
            for (let c = m.c1; c <= m.c2; c++) {
              if (r === m.r1 && c === m.c1) continue;
              const cell = sheet.cell(r, c);
              if (cell) {
                cell.value = "";
                delete cell.formula;
              }
            }
          }
          sheet.merges.push(m);
        }
        return null;
      }
      case "part.Clear": {
        const part = handle as Extract<Handle, { k: "part" }>;
        if (part.path !== "Format/Fill" || !part.base.rect) return this.unsupportedRequest(`Clear on ${part.path}`);
        this.guard(part.base.sheet, "format");
        const { sheet, rect } = part.base;
        this.fill(sheet, rect, "Pattern", "None");
        return null;
      }
      case "part.Protect": {
        const part = handle as Extract<Handle, { k: "part" }>;
        if (part.path !== "Protection" || part.base.rect) return this.unsupportedRequest(`Protect on ${part.path}`);
        if (part.base.sheet.protection) fail("InvalidOperation", "The sheet is already protected.");
        part.base.sheet.protection = { ...((args[0] as object | undefined) ?? {}) };
        return null;
      }
      case "part.SetPrintTitleRows": {
        const part = handle as Extract<Handle, { k: "part" }>;
        if (part.path !== "PageLayout") return this.unsupportedRequest(`SetPrintTitleRows on ${part.path}`);
        rectOf(String(args[0]).replace(/\$/g, ""));
        this.format(part, "SetPrintTitleRows", args[0]);
        return null;
      }
      case "part.SetPrintTitleColumns": {
        const part = handle as Extract<Handle, { k: "part" }>;
        if (part.path !== "PageLayout") return this.unsupportedRequest(`SetPrintTitleColumns on ${part.path}`);
        const m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(String(args[0]));
        if (!m) fail("InvalidArgument", `Print title columns ${String(args[0])}.`);
        part.base.sheet.printTitleColumns = String(args[0]);
        this.format(part, "SetPrintTitleColumns", args[0]);
        return null;
      }
      // Excel.run asks Excel to keep each object it makes valid to the end of the batch.
      case "range._KeepReference":
      case "areas._KeepReference":
      case "null._KeepReference":
        return null;
      case "setting.Delete":
        this.book.settings.delete((handle as { key: string }).key);
        return null;
      default:
        return this.unsupportedRequest(`${handle.k}.${name}()`);
    }
  }
}
