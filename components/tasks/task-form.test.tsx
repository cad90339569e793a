// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskForm, type TaskSnapshot } from "@/components/tasks/task-form";
import { renderComponent } from "@/lib/testing/render-component";

// The server actions are the boundary of this test: each returns the ActionResult the server would.
const actions = vi.hoisted(() => ({ updateTaskAction: vi.fn(), createTaskAction: vi.fn() }));
vi.mock("@/lib/tasks/actions", () => actions);

afterEach(() => {
  cleanup();
  actions.updateTaskAction.mockReset();
  actions.createTaskAction.mockReset();
});

const initial: TaskSnapshot = {
  title: "Map the supply routes",
  description: "",
  areaCode: "R1",
  pathCode: "P1",
  dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
  priority: "MEDIUM",
  status: "TODO",
  assigneeId: null,
  startDate: "",
  dueDate: "",
  progress: 0,
  version: 3,
};

function taskForm(snapshot: TaskSnapshot = initial, lastEditorName: string | null = null) {
  return (
    <TaskForm
      teamSlug="acme"
      taskId="task-1"
      initial={snapshot}
      members={[
        { id: "u1", name: "Ada", email: "ada@a.test" },
        { id: "u2", name: "Zhang Min", email: "zhang.min@b.test" },
      ]}
      areas={[{ code: "R1", label: "R1 · Area one" }]}
      paths={[{ code: "P1", label: "P1 · Path one" }]}
      dilemmas={[
        { code: "D1", label: "D1 · First" },
        { code: "D2", label: "D2 · Second" },
      ]}
      minDueDate="2026-01-01"
      isTemplateTitle={false}
      lastEditorName={lastEditorName}
    />
  );
}

function renderTaskForm() {
  return renderComponent(taskForm());
}

async function save() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
  });
}

describe("TaskForm", () => {
  it("shows the server's field error under its field, focuses it, and shows no form-level message", async () => {
    actions.updateTaskAction.mockResolvedValue({
      ok: false,
      code: "VALIDATION",
      message: "Check the highlighted fields.",
      fieldErrors: { title: ["The title is too long."] },
    });
    renderTaskForm();
    await save();
    expect(actions.updateTaskAction).toHaveBeenCalledWith("acme", expect.objectContaining({ taskId: "task-1" }));
    const title = screen.getByLabelText("Title");
    expect(screen.getByText("The title is too long.")).toBeTruthy();
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(title);
    expect(screen.queryByText("Check the highlighted fields.")).toBeNull();
  });

  it("puts a dilemma weight's error on the dilemmas group", async () => {
    actions.updateTaskAction.mockResolvedValue({
      ok: false,
      code: "VALIDATION",
      message: "Check the highlighted fields.",
      fieldErrors: { "dilemmas.0.weight": ["Pick a weight from 1 to 3."] },
    });
    renderTaskForm();
    await save();
    expect(screen.getByText("Pick a weight from 1 to 3.").id).toBe("dilemmas-error");
  });

  it("shows the server's message above the form when no field is named", async () => {
    actions.updateTaskAction.mockResolvedValue({ ok: false, code: "FORBIDDEN", message: "You cannot edit tasks." });
    renderTaskForm();
    await save();
    expect(screen.getByRole("alert").textContent).toBe("You cannot edit tasks.");
  });

  it("lists what someone else changed on a conflict, and takes their version as the base on request", async () => {
    actions.updateTaskAction.mockResolvedValue({
      ok: false,
      code: "CONFLICT",
      message: "Changed meanwhile.",
      details: { current: { ...initial, title: "Their title", progress: 40, version: 4 } },
    });
    renderTaskForm();
    await save();
    const banner = screen.getByRole("alert");
    expect(banner.textContent).toContain("Title: Map the supply routes → Their title");
    expect(banner.textContent).toContain("Progress: 0 % → 40 %");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Use their version as the base" }));
    });
    expect(document.activeElement?.textContent).toContain("Their version is now the base.");
  });

  it("offers the team's members when @ is typed in the description and inserts the chosen one as a mention", async () => {
    actions.updateTaskAction.mockResolvedValue({ ok: true, data: { version: 4 } });
    renderTaskForm();
    const description = screen.getByRole("combobox", { name: "Description" });
    await act(async () => {
      fireEvent.change(description, { target: { value: "Ask @zha" } });
      (description as HTMLTextAreaElement).setSelectionRange(8, 8);
      fireEvent.input(description);
    });
    const option = within(screen.getByRole("listbox", { name: "Members to mention" })).getByRole("option", {
      name: /Zhang Min/,
    });
    expect(option.getAttribute("aria-selected")).toBe("true");
    await act(async () => {
      fireEvent.keyDown(description, { key: "Enter" });
    });
    expect((description as HTMLTextAreaElement).value).toBe("Ask @[Zhang Min](user:u2) ");
    await save();
    expect(actions.updateTaskAction).toHaveBeenCalledWith(
      "acme",
      expect.objectContaining({ description: "Ask @[Zhang Min](user:u2) " }),
    );
  });

  it("merges a change saved meanwhile into the fields the user did not touch, and says who changed what", async () => {
    actions.updateTaskAction.mockResolvedValue({ ok: true, data: { version: 5 } });
    const { rerenderWith } = renderTaskForm();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Title"), { target: { value: "My own title" } });
    });
    // A live update re-renders the page with the version someone else saved.
    await act(async () => {
      rerenderWith(
        taskForm(
          { ...initial, status: "IN_PROGRESS", startDate: "2026-03-01", dueDate: "2026-06-30", version: 4 },
          "Li Wei",
        ),
      );
    });
    expect(screen.getByText("Li Wei changed status, start date, and due date")).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Start date").value).toBe("2026-03-01");
    expect(screen.getByLabelText<HTMLSelectElement>("Status").value).toBe("IN_PROGRESS");
    expect(screen.getByLabelText<HTMLInputElement>("Due date").value).toBe("2026-06-30");
    expect(screen.getByLabelText<HTMLInputElement>("Title").value).toBe("My own title");
    await save();
    expect(actions.updateTaskAction).toHaveBeenCalledWith(
      "acme",
      expect.objectContaining({
        title: "My own title",
        status: "IN_PROGRESS",
        startDate: "2026-03-01",
        dueDate: "2026-06-30",
        version: 4,
      }),
    );
  });

  it("keeps the user's value and the old version when both changed the same field, so saving shows the conflict", async () => {
    actions.updateTaskAction.mockResolvedValue({ ok: false, code: "CONFLICT", message: "Changed meanwhile." });
    const { rerenderWith } = renderTaskForm();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Status"), { target: { value: "BLOCKED" } });
    });
    await act(async () => {
      rerenderWith(taskForm({ ...initial, status: "DONE", progress: 100, version: 4 }, "Li Wei"));
    });
    expect(screen.getByLabelText<HTMLSelectElement>("Status").value).toBe("BLOCKED");
    await save();
    expect(actions.updateTaskAction).toHaveBeenCalledWith(
      "acme",
      expect.objectContaining({ status: "BLOCKED", version: 3 }),
    );
  });
});
