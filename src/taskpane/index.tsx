/**
 * Task pane entry: waits for Office once (when office.js is present), decides
 * between Excel and standalone mode, builds the services, then renders the app
 * in the user's theme (Office's inside Excel, else the system's; light or dark).
 */
import "./polyfills";
import { createRoot } from "react-dom/client";
import { createFileUseCases } from "../hosts/browser/file-use-cases";
import { detectHost } from "../hosts/excel/host";
import { App } from "./App";
import { ServicesProvider, servicesFor } from "./services";
import { ThemeProvider } from "./shared/ThemeProvider";
import { OFFICE_THEME_SOURCES, STANDALONE_THEME_SOURCES } from "./shared/useTheme";
import { workbookUseCasesFor } from "./workbook";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error('taskpane.html has no element with id "root".');
  const info = await detectHost();
  const services = servicesFor(info, { files: createFileUseCases(), workbook: await workbookUseCasesFor(info) });
  createRoot(container).render(
    <ThemeProvider sources={info.host === "excel" ? OFFICE_THEME_SOURCES : STANDALONE_THEME_SOURCES}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </ThemeProvider>,
  );
}

main().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) {
    root.textContent = `Không khởi động được Đề án 241: ${error instanceof Error ? error.message : String(error)}`;
  }
  throw error;
});
