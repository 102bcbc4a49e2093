import type { CliCommand } from "../types";
import { catalogueCommand } from "./catalogue";

/** Every subcommand of `de-an-241`, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [catalogueCommand];
