import type { CliCommand } from "../types";
import { catalogueCommand } from "./catalogue";
import { convertCommand } from "./convert";
import { feedbackCommand } from "./feedback";
import { mergeCommand } from "./merge";
import { remindCommand } from "./remind";
import { reportCommand } from "./report";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

/** Every subcommand of `de-an-241`, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [catalogueCommand, templateCommand, validateCommand, mergeCommand, reportCommand, feedbackCommand, remindCommand, convertCommand];
