/**
 * The ribbon's function file (commands.html). The only button opens the task
 * pane, which Office does itself; this page just has to initialise Office.js.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}
