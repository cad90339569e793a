// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
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
  dueDate: "",
  progress: 0,
  version: 3,
};

function renderTaskForm() {
  return renderComponent(
    <TaskForm
      teamSlug="acme"
      taskId="task-1"
      initial={initial}
      members={[{ id: "u1", name: "Ada" }]}
      areas={[{ code: "R1", label: "R1 · Area one" }]}
      paths={[{ code: "P1", label: "P1 · Path one" }]}
      dilemmas={[
        { code: "D1", label: "D1 · First" },
        { code: "D2", label: "D2 · Second" },
      ]}
      minDueDate="2026-01-01"
      isTemplateTitle={false}
    />,
  );
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
});
