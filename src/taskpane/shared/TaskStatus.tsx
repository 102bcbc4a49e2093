/**
 * Where running work shows itself: under the buttons that started it, so at
 * 320–350 px the progress and its "Hủy" stay in view instead of below a long
 * list. A bar with counts and "Hủy" once progress is known, a spinner before
 * (a bar without counts, and "Hủy", for work that stops on it already then).
 */
import { Spinner } from "@fluentui/react-components";
import { ProgressLine } from "./ProgressLine";
import type { Task } from "./useTask";

export function TaskStatus(props: { task: Task; keys: readonly string[]; verb: string }) {
  const running = props.task.running;
  if (!running || !props.keys.includes(running.key)) return null;
  return running.progress || running.cancellable ? (
    <ProgressLine verb={props.verb} progress={running.progress} label={running.label} onCancel={props.task.cancel} />
  ) : (
    <Spinner size="tiny" label={running.label} labelPosition="after" />
  );
}
