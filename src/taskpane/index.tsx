/**
 * Task pane entry: waits for Office once (when office.js is present), decides
 * between Excel and standalone mode, builds the services, then renders the app.
 */
import "./polyfills";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFileUseCases } from "../hosts/browser/file-use-cases";
import { detectHost } from "../hosts/excel/host";
import { App } from "./App";
import { ServicesProvider, servicesFor } from "./services";
import { workbookUseCasesFor } from "./workbook";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error('taskpane.html has no element with id "root".');
  const info = await detectHost();
  const services = servicesFor(info, { files: createFileUseCases(), workbook: await workbookUseCasesFor(info) });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </FluentProvider>,
  );
}

main().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) {
    root.textContent = `Không khởi động được Đề án 241: ${error instanceof Error ? error.message : String(error)}`;
  }
  throw error;
});
