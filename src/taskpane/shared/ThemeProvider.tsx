/** FluentProvider in the theme the user has chosen (Office's, else the system's), kept current by useTheme. */
import type { ReactNode } from "react";
import { FluentProvider } from "@fluentui/react-components";
import { useTheme, type ThemeSources } from "./useTheme";

export function ThemeProvider(props: { sources: ThemeSources; children: ReactNode }) {
  const theme = useTheme(props.sources);
  return <FluentProvider theme={theme}>{props.children}</FluentProvider>;
}
