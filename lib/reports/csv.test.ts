import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import {
  PROGRESS_CSV_HEADER,
  TASK_CSV_HEADER,
  UTF8_BOM,
  progressCsvTable,
  taskCsvTable,
  type CodeNames,
  toCsv,
  toExportPercent,
  type ExportTask,
} from "@/lib/reports/csv";

const task = (overrides: Partial<ExportTask> = {}): ExportTask => ({
  templateKey: null,
  title: "Custom task",
  templateTextEn: null,
  templateTextZh: null,
  areaCode: "R3",
  pathCode: "P3",
  dilemmas: [
    { dilemmaCode: "D4", weight: 1 },
    { dilemmaCode: "D3", weight: 2 },
  ],
  status: "IN_PROGRESS",
  priority: "HIGH",
  progress: 40,
  dueDate: new Date("2026-03-05T00:00:00Z"),
  assignee: { name: "Li Na" },
  ...overrides,
});

/** A minimal RFC 4180 reader (after the BOM), to check that what toCsv writes reads back unchanged. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let isQuoted = false;
  for (let i = text.startsWith(UTF8_BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (isQuoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && ch === ",") {
      record.push(cell);
      cell = "";
    } else if (!isQuoted && ch === "\r" && text[i + 1] === "\n") {
      records.push([...record, cell]);
      record = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return records;
}

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends rows with CRLF", () => {
    const csv = toCsv({ header: ["a", "b"], rows: [[1, "x"]] });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("a,b\r\n1,x\r\n");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    const csv = toCsv({ header: ["v"], rows: [["a,b"], ['say "hi"'], ["line1\nline2"], ["cr\rhere"], ["plain"]] });
    expect(csv.slice(1)).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rhere"\r\nplain\r\n');
  });

  it("keeps Chinese text intact and round-trips through a CSV parser", () => {
    const rows = [["数据安全与隐私保护挑战", "含,逗号", '含"引号', "多\n行"]];
    const csv = toCsv({ header: ["a", "b", "c", "d"], rows });
    expect(csv).toContain("数据安全与隐私保护挑战");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv)).toEqual([["a", "b", "c", "d"], ...rows]);
  });

  it("writes null as an empty cell and numbers as they are", () => {
    expect(toCsv({ header: ["a", "b", "c"], rows: [[null, 42.86, 0]] }).slice(1)).toBe("a,b,c\r\n,42.86,0\r\n");
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(toCsv({ header: ["v"], rows: [["=HYPERLINK(1)"], ["+1"], ["@x"], [-5]] }).slice(1)).toBe(
      "v\r\n'=HYPERLINK(1)\r\n'+1\r\n'@x\r\n-5\r\n",
    );
  });
});

describe("taskCsvTable", () => {
  it("has the stable English header", () => {
    expect(taskCsvTable([], "zh-CN").header).toEqual(TASK_CSV_HEADER);
  });

  it("writes codes, weights, dates and progress, names in the requested language", () => {
    const [en] = taskCsvTable([task()], "en").rows;
    expect(en).toEqual([
      "",
      "Custom task",
      "R3",
      expect.any(String),
      "P3",
      expect.any(String),
      "D3:2; D4:1",
      "IN_PROGRESS",
      "HIGH",
      "Li Na",
      "2026-03-05",
      40,
      "IN_PROGRESS",
      "HIGH",
    ]);
    const [zh] = taskCsvTable([task()], "zh-CN").rows;
    expect(zh?.[3]).toMatch(/[\u4e00-\u9fff]/);
    expect(zh?.[5]).toMatch(/[\u4e00-\u9fff]/);
    expect(zh?.[3]).not.toBe(en?.[3]);
  });

  it("shows untouched template text in the reader's language, empty cells for no assignee or date, 100 when done", () => {
    const templated = task({
      templateKey: "R3.1",
      title: "Invest in security",
      templateTextEn: "Invest in security",
      templateTextZh: "加大网络安全投入",
      status: "DONE",
      progress: 30,
      assignee: null,
      dueDate: null,
    });
    const [row] = taskCsvTable([templated], "zh-CN").rows;
    expect(row?.[0]).toBe("R3.1");
    expect(row?.[1]).toBe("加大网络安全投入");
    expect(row?.[9]).toBe("");
    expect(row?.[10]).toBe("");
    expect(row?.[11]).toBe(100);
  });
});

describe("taskCsvTable status and priority words", () => {
  it("follow the reader's language in the last two columns, next to the codes", () => {
    const names = (locale: "en" | "zh-CN") => loadMessages(locale).enums as CodeNames;
    const [en] = taskCsvTable([task()], "en", names("en")).rows;
    const [zh] = taskCsvTable([task()], "zh-CN", names("zh-CN")).rows;
    expect(en?.slice(7, 9)).toEqual(["IN_PROGRESS", "HIGH"]);
    expect(en?.slice(-2)).toEqual(["In progress", "High"]);
    expect(zh?.slice(7, 9)).toEqual(["IN_PROGRESS", "HIGH"]);
    expect(zh?.slice(-2)).toEqual(["进行中", "高"]);
  });
});

describe("progressCsvTable", () => {
  const r = (code: string, progress: number | null) => ({
    code,
    progress,
    taskCount: progress === null ? 0 : 2,
    weightSum: progress === null ? 0 : 5,
  });
  const table = progressCsvTable({
    overall: { progress: 3 / 7, taskCount: 4, weightSum: 7 },
    dilemmas: [r("D1", 0.5), r("D2", null), r("D3", 1), r("D4", 0)],
    areas: [r("R1", 0.25), r("R2", null), r("R3", null), r("R4", null)],
    paths: [r("P1", 0.125), r("P2", null), r("P3", null), r("P4", null)],
  });

  it("has one row for overall and each dilemma, area and path, in that order", () => {
    expect(table.header).toEqual(PROGRESS_CSV_HEADER);
    expect(table.rows.map((row) => `${row[0]}:${row[1]}`)).toEqual([
      "overall:",
      ...["D1", "D2", "D3", "D4"].map((c) => `dilemma:${c}`),
      ...["R1", "R2", "R3", "R4"].map((c) => `area:${c}`),
      ...["P1", "P2", "P3", "P4"].map((c) => `path:${c}`),
    ]);
  });

  it("writes percent with two decimals, empty when not addressed, and names in both languages", () => {
    expect(table.rows[0]).toEqual(["overall", "", "Overall", "总体", 42.86, 4, 7]);
    expect(table.rows[1]).toEqual(["dilemma", "D1", "Business-model homogenization", "商业模式同质化严重", 50, 2, 5]);
    expect(table.rows[2]?.[4]).toBeNull();
    expect(table.rows[4]?.[4]).toBe(0);
    expect(toExportPercent(0.125)).toBe(12.5);
  });
});
