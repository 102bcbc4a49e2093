/**
 * The lines saying which targets results were judged against. The domain
 * modules that word them bring the readers along, so they load on demand and
 * stay out of the task pane's initial bundle.
 */
import type { TargetsUsed } from "../../app/usecases";

/** "Mục tiêu đánh giá: …" for a checked workbook. */
export async function targetsUsedLine(used: TargetsUsed): Promise<string> {
  return (await import("../../domain/check")).targetsUsedText(used);
}

/** "Mục tiêu đánh giá: …" for a summary, from its targetsSource. */
export async function targetsNoteLine(source: string | undefined): Promise<string> {
  return (await import("../../domain/targets")).targetsNote(source);
}
