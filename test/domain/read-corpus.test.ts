import { readUnitReport } from "../../src/domain/read";
import { CORPUS } from "../fixtures/corpus";
import { expectReport } from "../fixtures/expect";
import { specToGrid } from "../fixtures/sheet-spec";

describe("reading the fixture corpus as grids", () => {
  it.each(CORPUS.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const report = readUnitReport(specToGrid(fixture.spec), `${fixture.name}.xlsx`);
    expectReport(report, fixture.expect);
  });
});
