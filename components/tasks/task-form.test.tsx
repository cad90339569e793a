// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskForm, type TaskSnapshot } from "@/components/tasks/task-form";
import { renderComponent } from "@/lib/testing/render-component";

// The server actions are the boundary of this test: each returns the ActionResult the server would
// (lib/tasks/patch-task.int.test.ts checks those answers against PostgreSQL).
const actions = vi.hoisted(() => ({ patchTaskAction: vi.fn(), createTaskAction: vi.fn() }));
vi.mock("@/lib/tasks/actions", () => actions);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  actions.patchTaskAction.mockReset();
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

/** The answer of a save: the task as stored. */
const saved = (task: TaskSnapshot) => ({
  ok: true,
  data: { id: "task-1", version: task.version, task: { ...task, id: "task-1", planId: "plan-1" } },
});
const conflict = (current: TaskSnapshot) => ({
  ok: false,
  code: "CONFLICT",
  message: "Changed meanwhile.",
  details: { current: { ...current, id: "task-1", planId: "plan-1" } },
});

function taskForm(snapshot: TaskSnapshot = initial, lastEditorName: string | null = null, mode?: "create") {
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
      mode={mode}
      planId="plan-1"
    />
  );
}

const renderTaskForm = () => renderComponent(taskForm());
const saveStatus = () => document.querySelector("[data-autosave-status]");

async function choose(label: string, value: string) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  });
}

describe("TaskForm on an existing task (autosave)", () => {
  it("saves a changed status at once, alone, on the version shown; says Saved; Undo puts the old value back", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, status: "BLOCKED", version: 4 }));
    renderTaskForm();
    expect(screen.queryByRole("button", { name: /save/i })).toBeNull();
    await choose("Status", "BLOCKED");
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    expect(actions.patchTaskAction).toHaveBeenCalledTimes(1);
    expect(actions.patchTaskAction).toHaveBeenCalledWith("acme", { taskId: "task-1", version: 3, status: "BLOCKED" });

    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, status: "TODO", version: 5 }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Undo: Status" }));
    });
    await waitFor(() => expect(actions.patchTaskAction).toHaveBeenCalledTimes(2));
    expect(actions.patchTaskAction).toHaveBeenLastCalledWith("acme", { taskId: "task-1", version: 4, status: "TODO" });
    expect(screen.getByLabelText<HTMLSelectElement>("Status").value).toBe("TODO");
  });

  it("shows Saving… while the save is under way", async () => {
    let answer: (value: unknown) => void = () => {};
    actions.patchTaskAction.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    renderTaskForm();
    await choose("Priority", "HIGH");
    await waitFor(() => expect(screen.getByText("Saving…")).toBeTruthy());
    await act(async () => answer(saved({ ...initial, priority: "HIGH", version: 4 })));
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
  });

  it("offers Undo for 10 s only", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, priority: "LOW", version: 4 }));
    renderTaskForm();
    await choose("Priority", "LOW");
    await waitFor(() => expect(screen.getByRole("button", { name: "Undo: Priority" })).toBeTruthy());
    await act(async () => {
      vi.advanceTimersByTime(9_000);
    });
    expect(screen.getByRole("button", { name: "Undo: Priority" })).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(1_500);
    });
    expect(screen.queryByRole("button", { name: "Undo: Priority" })).toBeNull();
    expect(screen.getByText("Saved")).toBeTruthy();
  });

  it("saves a text field when the user leaves it, not on every keystroke", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, title: "Map the routes", version: 4 }));
    renderTaskForm();
    const title = screen.getByLabelText("Title");
    await act(async () => {
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: "Map the" } });
      fireEvent.change(title, { target: { value: "Map the routes" } });
    });
    expect(actions.patchTaskAction).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.blur(title);
    });
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    expect(actions.patchTaskAction).toHaveBeenCalledTimes(1);
    expect(actions.patchTaskAction).toHaveBeenCalledWith("acme", {
      taskId: "task-1",
      version: 3,
      title: "Map the routes",
    });
  });

  it("saves a text field after a short pause in typing", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, title: "Paused", version: 4 }));
    renderTaskForm();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Paused" } });
    });
    await waitFor(() => expect(actions.patchTaskAction).toHaveBeenCalledTimes(1), { timeout: 3000 });
  });

  it("checks the field before saving: an empty title shows its error under the field and sends nothing", async () => {
    renderTaskForm();
    const title = screen.getByLabelText("Title");
    await act(async () => {
      fireEvent.change(title, { target: { value: "  " } });
      fireEvent.blur(title);
    });
    await waitFor(() => expect(title.getAttribute("aria-invalid")).toBe("true"));
    expect(actions.patchTaskAction).not.toHaveBeenCalled();
    expect(saveStatus()?.textContent).toBe("Not saved: check the highlighted field.");
  });

  it("shows the server's field error under its field", async () => {
    actions.patchTaskAction.mockResolvedValueOnce({
      ok: false,
      code: "VALIDATION",
      message: "Check the highlighted fields.",
      fieldErrors: { dueDate: ["The due date cannot be before the plan starts (2026-01-01)."] },
    });
    renderTaskForm();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Due date"), { target: { value: "2026-02-01" } });
      fireEvent.blur(screen.getByLabelText("Due date"));
    });
    await waitFor(() =>
      expect(screen.getByText("The due date cannot be before the plan starts (2026-01-01).")).toBeTruthy(),
    );
    expect(screen.getByLabelText("Due date").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("Check the highlighted fields.")).toBeNull();
  });

  it("shows the server's message above the form when no field is named", async () => {
    actions.patchTaskAction.mockResolvedValueOnce({ ok: false, code: "FORBIDDEN", message: "You cannot edit tasks." });
    renderTaskForm();
    await choose("Priority", "HIGH");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("You cannot edit tasks."));
    expect(saveStatus()?.textContent).toBe("Not saved.");
  });

  it("a stale version because someone changed another field: retried on their version, both kept", async () => {
    const theirs = { ...initial, priority: "URGENT" as const, version: 4 };
    actions.patchTaskAction
      .mockResolvedValueOnce(conflict(theirs))
      .mockResolvedValueOnce(saved({ ...theirs, status: "IN_PROGRESS", version: 5 }));
    renderTaskForm();
    await choose("Status", "IN_PROGRESS");
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    expect(actions.patchTaskAction).toHaveBeenLastCalledWith("acme", {
      taskId: "task-1",
      version: 4,
      status: "IN_PROGRESS",
    });
    expect(screen.getByLabelText<HTMLSelectElement>("Priority").value).toBe("URGENT");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a true conflict on the same field keeps the user's value, shows theirs, and saves only on request", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(conflict({ ...initial, status: "DONE", progress: 100, version: 4 }));
    renderTaskForm();
    await choose("Status", "BLOCKED");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "Someone else changed Status to “Done”. Yours, “Blocked”, is kept in the form and not saved yet.",
    );
    expect(screen.getByLabelText<HTMLSelectElement>("Status").value).toBe("BLOCKED");
    expect(saveStatus()?.textContent).toBe("Not saved: someone else changed this field meanwhile.");
    // Their other change (progress) is in the form.
    expect(screen.getByLabelText<HTMLInputElement>("Progress").value).toBe("100");
    expect(actions.patchTaskAction).toHaveBeenCalledTimes(1);

    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, status: "BLOCKED", progress: 0, version: 5 }));
    await act(async () => {
      fireEvent.click(within(alert).getByRole("button", { name: "Save mine: Status" }));
    });
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    expect(actions.patchTaskAction).toHaveBeenLastCalledWith("acme", {
      taskId: "task-1",
      version: 4,
      status: "BLOCKED",
    });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a true conflict: Use theirs puts their value in the field and saves nothing", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(conflict({ ...initial, priority: "LOW", version: 4 }));
    renderTaskForm();
    await choose("Priority", "HIGH");
    const alert = await screen.findByRole("alert");
    await act(async () => {
      fireEvent.click(within(alert).getByRole("button", { name: "Use theirs: Priority" }));
    });
    expect(screen.getByLabelText<HTMLSelectElement>("Priority").value).toBe("LOW");
    expect(actions.patchTaskAction).toHaveBeenCalledTimes(1);
  });

  it("a live update fills the fields the user is not changing, keeps the one being typed, and says who changed what", async () => {
    const { rerenderWith } = renderTaskForm();
    await act(async () => {
      fireEvent.focus(screen.getByLabelText("Title"));
      fireEvent.change(screen.getByLabelText("Title"), { target: { value: "My own title" } });
    });
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
    expect(screen.queryByRole("alert")).toBeNull();

    // The title, saved now, goes on top of their version: no conflict.
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, title: "My own title", version: 5 }));
    await act(async () => {
      fireEvent.blur(screen.getByLabelText("Title"));
    });
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    expect(actions.patchTaskAction).toHaveBeenCalledWith("acme", {
      taskId: "task-1",
      version: 4,
      title: "My own title",
    });
  });

  it("a live update of the field being typed keeps the input and names who changed it", async () => {
    const { rerenderWith } = renderTaskForm();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Mine" } });
    });
    await act(async () => {
      rerenderWith(taskForm({ ...initial, title: "Li Wei's title", version: 4 }, "Li Wei"));
    });
    expect(screen.getByLabelText<HTMLInputElement>("Title").value).toBe("Mine");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Li Wei changed Title to “Li Wei's title”. Yours, “Mine”, is kept");
    // Nothing is saved over theirs until the user chooses.
    await act(async () => {
      fireEvent.blur(screen.getByLabelText("Title"));
    });
    expect(actions.patchTaskAction).not.toHaveBeenCalled();
  });

  it("Undo is refused when someone changed the field since", async () => {
    actions.patchTaskAction.mockResolvedValueOnce(saved({ ...initial, priority: "HIGH", version: 4 }));
    const { rerenderWith } = renderTaskForm();
    await choose("Priority", "HIGH");
    await waitFor(() => expect(screen.getByText("Saved")).toBeTruthy());
    await act(async () => {
      rerenderWith(taskForm({ ...initial, priority: "LOW", version: 5 }, "Li Wei"));
    });
    expect(screen.getByLabelText<HTMLSelectElement>("Priority").value).toBe("LOW");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Undo: Priority" }));
    });
    expect(saveStatus()?.textContent).toBe("Not undone: Priority was changed again since.");
    expect(actions.patchTaskAction).toHaveBeenCalledTimes(1);
  });

  it("inserts a chosen @mention in the description and saves it", async () => {
    actions.patchTaskAction.mockResolvedValue(
      saved({ ...initial, description: "Ask @[Zhang Min](user:u2) ", version: 4 }),
    );
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
    await act(async () => {
      fireEvent.blur(description);
    });
    await waitFor(() =>
      expect(actions.patchTaskAction).toHaveBeenLastCalledWith(
        "acme",
        expect.objectContaining({ description: "Ask @[Zhang Min](user:u2) " }),
      ),
    );
  });

  it("puts a dilemma weight's error on the dilemmas group", async () => {
    actions.patchTaskAction.mockResolvedValueOnce({
      ok: false,
      code: "VALIDATION",
      message: "Check the highlighted fields.",
      fieldErrors: { "dilemmas.0.weight": ["Pick a weight from 1 to 3."] },
    });
    renderTaskForm();
    await act(async () => {
      fireEvent.click(screen.getByLabelText("D2 · Second"));
    });
    await waitFor(() => expect(screen.getByText("Pick a weight from 1 to 3.").id).toBe("dilemmas-error"));
  });
});

describe("TaskForm for a new task", () => {
  it("saves nothing on change and creates the task with the Create button", async () => {
    actions.createTaskAction.mockResolvedValue({ ok: false, code: "FORBIDDEN", message: "You cannot add tasks." });
    renderComponent(taskForm({ ...initial, dilemmas: [] }, null, "create"));
    await choose("Status", "BLOCKED");
    expect(actions.patchTaskAction).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByLabelText("D1 · First"));
      fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    });
    await waitFor(() => expect(actions.createTaskAction).toHaveBeenCalledTimes(1));
    expect(actions.createTaskAction).toHaveBeenCalledWith(
      "acme",
      expect.objectContaining({ planId: "plan-1", status: "BLOCKED", title: "Map the supply routes" }),
    );
    expect(screen.getByRole("alert").textContent).toBe("You cannot add tasks.");
  });
});
