// The suites run side by side with LibreOffice and Chromium: a step of a page that takes half a
// second alone may take several then. findBy…/waitFor wait up to 15 s (they return as soon as what
// they wait for is there) instead of the library's 1 s.
if (typeof document !== "undefined") require("@testing-library/dom").configure({ asyncUtilTimeout: 15_000 });
