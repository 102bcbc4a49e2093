/**
 * The Office theme the user chose (File › Account › Office Theme), as Office.js
 * tells it: `Office.context.officeTheme` (Excel 2016 and later, on the web,
 * Windows, Mac and iPad). The only place that reads it; the task pane decides
 * light or dark from what this returns (taskpane/shared/theme.ts).
 *
 * Excel has no event for a change of Office theme (`Office.EventType.OfficeThemeChanged`
 * is Outlook's, Mailbox 1.14, and PowerPoint's; Excel's office.js does not define
 * it): where the host defines it the pane listens to it, and everywhere the pane
 * reads the theme again when it gets focus back or is shown again, which is what
 * follows a change made in Excel's own settings. On Windows the property asks
 * Excel each time it is read (office.js keeps the answer 5 seconds).
 */
import { officeGlobal } from "./host";

/** The colours and flag Office reports; any of them may be missing in older hosts. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  /** True for Black and Dark Gray (not in every host). */
  readonly isDarkTheme?: boolean;
}

/** The parts of the Office global this module reads (tests pass a fake). */
export interface OfficeThemeSource {
  readonly context?: {
    readonly officeTheme?: unknown;
    readonly document?: {
      addHandlerAsync?(eventType: unknown, handler: (args: unknown) => void, callback?: (result: { status: unknown }) => void): void;
      removeHandlerAsync?(eventType: unknown, options: { handler: (args: unknown) => void }, callback?: (result: unknown) => void): void;
    };
  };
  readonly EventType?: { readonly OfficeThemeChanged?: unknown };
}

function asColours(value: unknown): OfficeThemeColours | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof v[key] === "string" ? (v[key] as string) : undefined);
  const colours: OfficeThemeColours = {
    bodyBackgroundColor: text("bodyBackgroundColor"),
    bodyForegroundColor: text("bodyForegroundColor"),
    controlBackgroundColor: text("controlBackgroundColor"),
    controlForegroundColor: text("controlForegroundColor"),
    isDarkTheme: typeof v.isDarkTheme === "boolean" ? v.isDarkTheme : undefined,
  };
  return colours;
}

/** The Office theme now, or null outside Office or where the host does not tell it. Never throws. */
export function readOfficeTheme(office: OfficeThemeSource | undefined = officeGlobal() as OfficeThemeSource | undefined): OfficeThemeColours | null {
  if (!office) return null;
  try {
    return asColours(office.context?.officeTheme);
  } catch {
    // A host that cannot answer (the getter asks Excel on Windows) leaves the choice to the system's setting.
    return null;
  }
}

/**
 * Calls `onChange` when the host says its Office theme changed (only hosts that
 * define `Office.EventType.OfficeThemeChanged` for the document). Returns what
 * stops listening. Never throws: a host that refuses the handler is not followed.
 */
export function onOfficeThemeChanged(
  onChange: () => void,
  office: OfficeThemeSource | undefined = officeGlobal() as OfficeThemeSource | undefined,
): () => void {
  const eventType = office?.EventType?.OfficeThemeChanged;
  const document = office?.context?.document;
  if (eventType === undefined || !document || typeof document.addHandlerAsync !== "function") return () => {};
  const handler = (): void => onChange();
  try {
    document.addHandlerAsync(eventType, handler);
  } catch {
    return () => {};
  }
  return () => {
    try {
      document.removeHandlerAsync?.(eventType, { handler });
    } catch {
      // Nothing to undo when the host never took it.
    }
  };
}
