/** Shared building blocks of the tab panels. */
import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTabStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function Section(props: { title: string; children: ReactNode; testId?: string }) {
  const styles = useTabStyles();
  return (
    <section className={styles.section} aria-label={props.title} data-testid={props.testId}>
      <h3 className={styles.subheading}>{props.title}</h3>
      {props.children}
    </section>
  );
}
