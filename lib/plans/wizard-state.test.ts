import { describe, expect, it } from "vitest";
import { templatesForArea } from "@/lib/catalog/catalog";
import {
  chosenTemplateKeys,
  detailErrors,
  emptyWizardState,
  parseWizardState,
  serializeWizardState,
  setDefaultAssignee,
  toCreatePlanInput,
  toggleArea,
  toggleTemplate,
  type WizardState,
} from "@/lib/plans/wizard-state";

const full: WizardState = {
  step: "templates",
  title: "Secure & ship: 安全 100%",
  description: "Line one\nline two, with commas & ?=#",
  startDate: "2026-12-01",
  targetDate: "2027-06-30",
  areas: ["R3", "R4"],
  off: ["R3.2", "R4.7"],
  assignees: { R3: "user_1" },
};

describe("parseWizardState", () => {
  it("starts empty on the details step", () => {
    expect(parseWizardState({})).toEqual(emptyWizardState());
    expect(parseWizardState(new URLSearchParams())).toEqual(emptyWizardState());
  });

  it("reads a query like the one in the address bar", () => {
    const state = parseWizardState(
      new URLSearchParams(
        "step=templates&title=Q1&start=2026-12-01&target=2027-06-30&areas=R3,R4&off=R3.2,R4.7&as.R3=u1",
      ),
    );
    expect(state).toEqual({
      ...emptyWizardState(),
      step: "templates",
      title: "Q1",
      startDate: "2026-12-01",
      targetDate: "2027-06-30",
      areas: ["R3", "R4"],
      off: ["R3.2", "R4.7"],
      assignees: { R3: "u1" },
    });
  });

  it("drops unknown area codes and keeps code order without duplicates", () => {
    expect(parseWizardState({ areas: "R9,R4,x,R1,R4" }).areas).toEqual(["R1", "R4"]);
  });

  it("drops unknown template keys and keys of areas not chosen", () => {
    expect(parseWizardState({ areas: "R3", off: "R3.99,R4.1,nope,R3.5,R3.2,R3.2" }).off).toEqual(["R3.2", "R3.5"]);
  });

  it("falls back for an unknown step and malformed dates, and takes the first of repeated values", () => {
    const state = parseWizardState({ step: "finish", start: "1 Dec 2026", target: ["2027-01-01", "2027-02-02"] });
    expect(state.step).toBe("details");
    expect(state.startDate).toBe("");
    expect(state.targetDate).toBe("2027-01-01");
  });

  it("keeps assignees of chosen areas only, and only members when member ids are given", () => {
    const query = { areas: "R1,R2", "as.R1": "u1", "as.R2": "stranger", "as.R3": "u1", "as.R9": "u1" };
    expect(parseWizardState(query).assignees).toEqual({ R1: "u1", R2: "stranger" });
    expect(parseWizardState(query, { memberIds: ["u1"] }).assignees).toEqual({ R1: "u1" });
  });
});

describe("serializeWizardState", () => {
  it("round-trips through a URL, all but the description", () => {
    const query = serializeWizardState(full);
    expect(parseWizardState(new URLSearchParams(query))).toEqual({ ...full, description: "" });
    expect(parseWizardState(Object.fromEntries(new URLSearchParams(query)))).toEqual({ ...full, description: "" });
  });

  it("keeps the description, however long, out of the URL", () => {
    const long = { ...full, description: "数据安全".repeat(2_500) };
    expect(serializeWizardState(long)).toBe(serializeWizardState({ ...full, description: "" }));
    expect(serializeWizardState(long)).not.toContain("description");
    expect(parseWizardState(new URLSearchParams("step=details&description=hello")).description).toBe("");
  });

  it("writes readable lists and leaves empty values out", () => {
    expect(serializeWizardState(full)).toContain("areas=R3,R4&off=R3.2,R4.7&as.R3=user_1");
    expect(serializeWizardState(emptyWizardState())).toBe("step=details");
  });

  it("round-trips the empty state", () => {
    expect(parseWizardState(new URLSearchParams(serializeWizardState(emptyWizardState())))).toEqual(emptyWizardState());
  });
});

describe("chosenTemplateKeys", () => {
  it("checks every template of a chosen area by default", () => {
    const state = { ...emptyWizardState(), areas: ["R2" as const] };
    expect(chosenTemplateKeys(state)).toEqual(templatesForArea("R2").map((t) => t.key));
  });

  it("leaves out the off keys", () => {
    const keys = chosenTemplateKeys(full);
    expect(keys).not.toContain("R3.2");
    expect(keys).not.toContain("R4.7");
    expect(keys).toHaveLength(templatesForArea("R3").length + templatesForArea("R4").length - 2);
    expect(keys[0]).toBe("R3.1");
  });

  it("is empty for a blank plan", () => {
    expect(chosenTemplateKeys(emptyWizardState())).toEqual([]);
  });
});

describe("state changes", () => {
  it("a dropped and chosen-again area comes back fully checked, without its assignee", () => {
    const dropped = toggleArea(full, "R3");
    expect(dropped.areas).toEqual(["R4"]);
    expect(dropped.off).toEqual(["R4.7"]);
    expect(dropped.assignees).toEqual({});
    const again = toggleArea(dropped, "R3");
    expect(again.areas).toEqual(["R3", "R4"]);
    expect(chosenTemplateKeys(again)).toContain("R3.2");
  });

  it("toggles a template and sets or clears an assignee", () => {
    expect(toggleTemplate(full, "R3.2").off).toEqual(["R4.7"]);
    expect(toggleTemplate(full, "R3.1").off).toEqual(["R3.1", "R3.2", "R4.7"]);
    expect(setDefaultAssignee(full, "R4", "u2").assignees).toEqual({ R3: "user_1", R4: "u2" });
    expect(setDefaultAssignee(full, "R3", null).assignees).toEqual({});
  });

  it("builds the server action's input", () => {
    const input = toCreatePlanInput(full, "ACTIVE");
    expect(input.status).toBe("ACTIVE");
    expect(input.defaultAssignees).toEqual({ R3: "user_1", R4: null });
    expect(input.templateKeys).toEqual(chosenTemplateKeys(full));
  });
});

describe("detailErrors", () => {
  it("accepts valid details", () => {
    expect(detailErrors(full)).toEqual({});
  });

  it("names each problem on its field", () => {
    expect(detailErrors(emptyWizardState())).toEqual({
      title: "titleRequired",
      startDate: "dateRequired",
      targetDate: "dateRequired",
    });
    expect(detailErrors({ ...full, title: "x".repeat(201), startDate: "2026-02-30" })).toEqual({
      title: "titleTooLong",
      startDate: "dateInvalid",
    });
    expect(detailErrors({ ...full, description: "x".repeat(10_001) })).toEqual({ description: "descriptionTooLong" });
  });

  it("puts the target-before-start rule on the target date", () => {
    expect(detailErrors({ ...full, targetDate: "2026-11-30" })).toEqual({ targetDate: "targetBeforeStart" });
  });
});
