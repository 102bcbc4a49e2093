/**
 * The task pane: a header, notices about the host, and three tabs whose panels
 * live in ./tabs. Fits 320–450 px wide without horizontal scrolling.
 */
import { useId, useState } from "react";
import { Link, Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { PROGRAMME } from "../domain/catalogue";
import { HostNotices } from "./HostNotices";
import { useFilesDroppedAsideIgnored } from "./shared/FileDrop";
import { UnitsProvider } from "./shared/units";
import { CheckTab } from "./tabs/check/CheckTab";
import { GenerateTab } from "./tabs/generate/GenerateTab";
import { MergeTab } from "./tabs/merge/MergeTab";

export type TabKey = "generate" | "check" | "merge";

export const TABS: readonly { key: TabKey; label: string }[] = [
  { key: "generate", label: "Tạo biểu mẫu" },
  { key: "check", label: "Kiểm tra" },
  { key: "merge", label: "Tổng hợp" },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
    // The fields shrink with the pane (a 320 px pane at 200% zoom is 160 px wide): Fluent's inputs are
    // otherwise at least as wide as twenty characters, and push the page into scrolling sideways.
    "& .fui-Input, & .fui-Combobox, & .fui-Select, & .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input__input, & .fui-Combobox__input": { minWidth: 0, width: "100%" },
  },
  // In a narrow pane (320 px at 200% zoom) "Hướng dẫn" goes under the titles rather than squeezing them to a letter a line.
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexShrink: 1, flexBasis: "6em" },
  help: { flexShrink: 0, alignSelf: "flex-start" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap", marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: {
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export function App(props: { initialTab?: TabKey }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<TabKey>(props.initialTab ?? "generate");
  const baseId = useId();
  const tabId = (key: TabKey) => `${baseId}-tab-${key}`;
  const panelId = (key: TabKey) => `${baseId}-panel-${key}`;
  useFilesDroppedAsideIgnored();

  return (
    <UnitsProvider>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" width={32} height={32} />
          <div className={styles.titles}>
            <h1 className={styles.heading}>{PROGRAMME.shortName}</h1>
            <Text size={200} className={styles.subtitle}>
              Tổng kết Đề án theo Công văn số {PROGRAMME.letter.number}
            </Text>
          </div>
          <Link className={styles.help} href="help.html" target="_blank" rel="noopener noreferrer" data-testid="help-link">
            Hướng dẫn
          </Link>
        </header>

        <HostNotices />

        <TabList
          className={styles.tabs}
          selectedValue={selected}
          onTabSelect={(_event, data: SelectTabData) => setSelected(data.value as TabKey)}
          aria-label="Chức năng"
          selectTabOnFocus
        >
          {TABS.map((tab) => (
            <Tab key={tab.key} value={tab.key} id={tabId(tab.key)} aria-controls={panelId(tab.key)}>
              {tab.label}
            </Tab>
          ))}
        </TabList>

        {/* Every panel stays mounted (hidden when not selected), so files read and results survive switching tabs. */}
        {TABS.map((tab) => (
          <section
            key={tab.key}
            className={styles.panel}
            role="tabpanel"
            id={panelId(tab.key)}
            aria-labelledby={tabId(tab.key)}
            tabIndex={0}
            hidden={selected !== tab.key}
          >
            {tab.key === "generate" ? <GenerateTab /> : tab.key === "check" ? <CheckTab /> : <MergeTab />}
          </section>
        ))}
      </main>
    </UnitsProvider>
  );
}
